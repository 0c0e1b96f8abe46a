// Registers the dossier area: items sent before a record was linked join the account when it is.
import { RECORD_LINK_LISTENERS } from '../providers/patient.service';
import { adoptUnlinkedItems } from './dossier.service';

RECORD_LINK_LISTENERS.push((m, _now, link) => adoptUnlinkedItems(m, link));
