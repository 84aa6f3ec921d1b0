"""Region and source plugins of the project.

The nine city regions of the urban growth agreements are data files,
``regions/<id>.yaml``, one :class:`~secretariat_rules.regions.RegionProfile` each: parties,
bodies, channels, secretariat facts and default ruleset. The one plugin
:mod:`secretariat_regions.profiles` (the entry point ``regions`` of the
``secretariat_rules`` group) validates and registers them all. A manifest naming a region
gets every value it does not give itself from the profile. Facts come from ``REGIONS.md``;
what it marks unconfirmed is left out. The source adapters are in ``sources/``.
"""
