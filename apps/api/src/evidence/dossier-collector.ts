import { Injectable } from '@nestjs/common';
import type {
  CaseSummary,
  ContactEvent,
  CustodyEvent,
  DocumentDetail,
  Hearing,
  LegalAction,
  MedicalAlert,
  MedicalIncident,
  Page,
  PageQuery,
} from '@habeas/contracts';
import { roleCan } from '@habeas/contracts';
import type { Actor } from '../common/auth/actor';
import { CasesService } from '../cases/cases.service';
import { ContactLogService } from '../detention/contact-log.service';
import { LegalActionsService } from '../detention/legal-actions.service';
import { DocumentsService } from '../documents/documents.service';
import { MedicalAlertsService } from '../medical/medical-alerts.service';
import { MedicalIncidentsService } from '../medical/medical-incidents.service';
import { ProceedingsService } from '../proceedings/proceedings.service';
import { UsersService } from '../users/users.service';

export interface DossierRange {
  /** Inclusive calendar dates (YYYY-MM-DD), read in the case's zone. */
  from: string | null;
  to: string | null;
}

export interface DossierData {
  case: CaseSummary;
  custody: CustodyEvent[];
  hearings: Hearing[];
  /** null: the maker may not see medical records, and the section says it was left out. */
  medical: { incidents: MedicalIncident[]; alerts: MedicalAlert[] } | null;
  contacts: ContactEvent[];
  legalActions: LegalAction[];
  documents: DocumentDetail[];
  /** Names of the users the records mention (who acknowledged an alert, who uploaded a file). */
  userNames: Map<string, string>;
}

/** Reports how far collecting has got, 0..1. */
export type Progress = (fraction: number) => Promise<void>;

const PAGE = 100;

/**
 * Gathers a case's records for a dossier through each area's own service, acting as the person who asked
 * for it: what they may not see (a case they left, privileged files, medical records) is simply not there.
 * Reads of sensitive records are audited by those services as for any other read.
 */
@Injectable()
export class DossierCollector {
  constructor(
    private readonly cases: CasesService,
    private readonly proceedings: ProceedingsService,
    private readonly incidents: MedicalIncidentsService,
    private readonly alerts: MedicalAlertsService,
    private readonly contactLog: ContactLogService,
    private readonly legalActions: LegalActionsService,
    private readonly documents: DocumentsService,
    private readonly users: UsersService,
  ) {}

  async collect(maker: Actor, caseId: string, range: DossierRange, include: 'all' | string[], progress: Progress): Promise<DossierData> {
    const theCase = await this.cases.get(maker, caseId);
    const inRange = (at: string | null | undefined) => !!at && within(at, range);
    const custody = await all((query) => this.proceedings.custodyEvents(maker, caseId, query));
    const hearings = (await all((query) => this.proceedings.hearings(maker, caseId, query))).filter((h) => inRange(h.scheduledAt));
    await progress(0.2);
    let medical: DossierData['medical'] = null;
    if (roleCan(maker.role, 'medical:read')) {
      const incidents = (await all((query) => this.incidents.list(maker, caseId, query))).filter((i) => inRange(i.occurredAt));
      const alerts = (await all((query) => this.alerts.historyOf(maker, caseId, query))).filter((a) => inRange(a.openedAt));
      medical = { incidents: incidents.sort(byTime((i) => i.occurredAt)), alerts: alerts.sort(byTime((a) => a.openedAt)) };
    }
    await progress(0.4);
    const contacts = (await all((query) => this.contactLog.list(maker, caseId, { ...query, kind: undefined }))).filter((c) => inRange(c.occurredAt));
    const legalActions = (await all((query) => this.legalActions.list(maker, { ...query }, caseId))).filter((a) => inRange(a.deadlineAt ?? a.createdAt));
    await progress(0.6);
    const documents = await this.documentsOf(maker, caseId, include);
    await progress(0.8);
    const userIds = new Set<string>();
    for (const alert of medical?.alerts ?? []) [alert.acknowledgedBy, alert.resolvedBy].forEach((id) => id && userIds.add(id));
    for (const document of documents) document.versions.forEach((version) => userIds.add(version.uploadedBy));
    return {
      case: theCase,
      custody: custody.sort(byTime((c) => c.occurredAt)),
      hearings: hearings.sort(byTime((h) => h.scheduledAt)),
      medical,
      contacts: contacts.sort(byTime((c) => c.occurredAt)),
      legalActions: legalActions.sort(byTime((a) => a.createdAt)),
      documents,
      userNames: await this.namesOf([...userIds]),
    };
  }

  private async documentsOf(maker: Actor, caseId: string, include: 'all' | string[]): Promise<DocumentDetail[]> {
    const ids =
      include === 'all' ? (await all((query) => this.documents.list(maker, caseId, { ...query, q: undefined }))).map((d) => d.id) : [...new Set(include)];
    const theCase = await this.cases.get(maker, caseId);
    const found: DocumentDetail[] = [];
    for (const id of ids) {
      // A document the maker may not see, or of another case, is left out as if it did not exist.
      const document = await this.documents.get(maker, id).catch(() => null);
      if (document && document.caseId === theCase.id && document.latest) found.push(document);
    }
    return found.sort(byTime((d) => d.createdAt));
  }

  private async namesOf(ids: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of ids) {
      const user = await this.users.findById(id);
      if (user) names.set(id, user.name);
    }
    return names;
  }
}

async function all<T>(fetch: (query: PageQuery) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch({ limit: PAGE, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

function byTime<T>(at: (item: T) => string) {
  return (a: T, b: T) => at(a).localeCompare(at(b));
}

/** Whether an instant falls on the range's days (Moscow calendar: the courts' zone). */
export function within(at: string, range: DossierRange): boolean {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
  return (!range.from || day >= range.from) && (!range.to || day <= range.to);
}
