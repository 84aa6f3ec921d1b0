"""Source adapters for layouts secretariats actually keep, each its own pluggy plugin.

============================  =================  ==========================================
module (entry point)          adapter            reads
============================  =================  ==========================================
``excel_followup``            ``excel-followup``  ``oppfolging.xlsx``: sheets Møter, Vedtak,
(``source-excel-followup``)                       Oppfølging, Avvik (Miljøløftet)
``noark5``                    ``noark5``          ``arkivstruktur.xml``, a Noark 5 extract:
(``source-noark5``)                               documents and distributions
``norwegian_csv``             ``norwegian-csv``   ``møter.csv``, ``vedtak.csv``…: Norwegian
(``source-norwegian-csv``)                        names, ``;``, Windows-1252 (Bymiljøpakken)
``einnsyn``                   ``einnsyn``         ``einnsyn/*.json``, saved eInnsyn API pages:
(``source-einnsyn``)                              documents, distributions, meetings, decisions
============================  =================  ==========================================

A manifest names one or several (``source: [excel-followup, noark5, canonical]``); the
tables of one collection from several adapters are concatenated. The Norwegian names
they share live in :mod:`.vocabulary`. Their messages (nb and en) are in :mod:`.messages`,
added to the catalogue when this package is imported.
"""

from __future__ import annotations

from secretariat_rules.i18n import catalog

from . import messages

catalog.register(messages.MESSAGES, messages.__name__)
