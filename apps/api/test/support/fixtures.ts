import { DEMO_BANK_DETAILS } from '../../src/bank-transfers/bank-transfers.demo';
import { renderStatement } from '../../src/bank-transfers/demo-statement';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import {
  caseMember,
  caseSummary,
  contactEventCreated,
  createUserResponse,
  custodyEvent,
  deadline,
  documentDetail,
  donationItem,
  expenseItem,
  facility,
  hearing,
  legalAction,
  legalTemplate,
  medicalAlertPage,
  medicalIncident,
  type CaseRole,
  type Role,
} from '@habeas/contracts';
import { form } from './document-files';
import { HttpClient, type TestResponse } from './http-client';
import type { TestApp } from './test-app';

/** Asserts the status (showing the body when it differs) and parses the body with the contract's schema. */
export function expectBody<S extends z.ZodType>(response: TestResponse, status: number, schema: S): z.infer<S> {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${response.text.slice(0, 500)}`);
  return schema.parse(response.body);
}

export const FIXTURE_PASSWORD = 'fixture-password-for-tests-1';

export interface FixtureUser {
  id: string;
  email: string;
  role: Role;
  password: string;
  /** A client signed in as this user. */
  client: HttpClient;
}

export interface FixtureCase {
  id: string;
  slug: string;
}

const roleOnCaseFor: Record<Role, CaseRole> = { admin: 'coordinator', lawyer: 'counsel', medical: 'medical_coordinator', finance: 'coordinator' };
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * Per-test builders (`newCase()`, `newIncident()`, …): each test makes the data it needs through the API as
 * an admin, instead of leaning on the demo seed. Names are unique so builders never collide.
 */
export class Fixtures {
  private counter = 0;

  constructor(
    readonly t: TestApp,
    readonly admin: HttpClient,
  ) {}

  /** Builders acting as the demo admin (the one account a fresh installation gets). */
  static async of(t: TestApp, adminEmail = 'admin@demo.local'): Promise<Fixtures> {
    return new Fixtures(t, await t.signIn(adminEmail));
  }

  unique(prefix: string): string {
    return `${prefix}-${++this.counter}-${randomBytes(3).toString('hex')}`;
  }

  async signIn(email: string, password = FIXTURE_PASSWORD): Promise<HttpClient> {
    const client = this.t.client();
    const response = await client.post('/api/auth/login', { email, password });
    assert.equal(response.status, 200, `sign-in of ${email}: ${response.text}`);
    return client;
  }

  async newUser(role: Role, { signIn = true }: { signIn?: boolean } = {}): Promise<FixtureUser> {
    const email = `${this.unique(role)}@fixture.test`;
    const created = expectBody(
      await this.admin.post('/api/users', { email, name: `Fixture ${role}`, role, password: FIXTURE_PASSWORD }),
      201,
      createUserResponse,
    );
    const client = signIn ? await this.signIn(email) : this.t.client();
    return { id: created.id, email, role, password: FIXTURE_PASSWORD, client };
  }

  /** A user created without a password: returns the one-time invite token. */
  async newInvite(role: Role = 'lawyer'): Promise<{ id: string; email: string; token: string }> {
    const email = `${this.unique('invited')}@fixture.test`;
    const created = expectBody(await this.admin.post('/api/users', { email, name: 'Invited', role }), 201, createUserResponse);
    assert.ok(created.inviteUrl, 'an invite link');
    return { id: created.id, email, token: created.inviteUrl.split('/').pop()! };
  }

  async newCase({ members = [], isPublic = false }: { members?: FixtureUser[]; isPublic?: boolean } = {}): Promise<FixtureCase> {
    const slug = this.unique('case');
    const created = expectBody(await this.admin.post('/api/cases', { slug, title: `Case ${slug}`, isPublic }), 201, caseSummary);
    for (const member of members) await this.addMember(created.id, member);
    return { id: created.id, slug };
  }

  async addMember(caseId: string, user: Pick<FixtureUser, 'id' | 'role'>) {
    return expectBody(await this.admin.post(`/api/cases/${caseId}/members`, { userId: user.id, roleOnCase: roleOnCaseFor[user.role] }), 201, caseMember);
  }

  async newHearing(caseId: string, by = this.admin) {
    return expectBody(
      await by.post(`/api/cases/${caseId}/hearings`, { scheduledAt: inDays(30), kind: 'trial_session', court: 'District court' }),
      201,
      hearing,
    );
  }

  async newDeadline(caseId: string, { dueAt = inDays(10), title = this.unique('deadline') } = {}, by = this.admin) {
    return expectBody(await by.post(`/api/cases/${caseId}/deadlines`, { dueAt, title }), 201, deadline);
  }

  async newCustodyEvent(caseId: string, by = this.admin) {
    return expectBody(await by.post(`/api/cases/${caseId}/custody-events`, { kind: 'transferred', occurredAt: inDays(-2), notes: 'moved' }), 201, custodyEvent);
  }

  async newFacility(by = this.admin) {
    return expectBody(await by.post('/api/facilities', { name: this.unique('Facility'), kind: 'pretrial_detention_centre' }), 201, facility);
  }

  async newIncident(caseId: string, fields: Record<string, unknown> = {}, by = this.admin) {
    const body = { occurredAt: inDays(-1), type: 'check_up', severity: 'low', source: 'lawyer_visit', description: 'Routine check-up', ...fields };
    return expectBody(await by.post(`/api/cases/${caseId}/medical-incidents`, body), 201, medicalIncident);
  }

  /** A critical incident and the alert it opened. */
  async newAlert(caseId: string) {
    const incident = await this.newIncident(caseId, { severity: 'critical', type: 'injury', description: 'Injured in the cell' });
    const alerts = expectBody(await this.admin.get(`/api/medical-alerts?caseId=${caseId}&limit=100`), 200, medicalAlertPage);
    const alert = alerts.items.find((item) => item.incidentId === incident.id);
    assert.ok(alert, 'a critical incident opens an alert');
    return { incident, alert };
  }

  /** An incident of the given severity (high or critical) and the alert it opened. */
  async newAlertOf(caseId: string, severity: 'high' | 'critical') {
    const incident = await this.newIncident(caseId, { severity, type: 'injury', description: 'Injured in the cell' });
    const alerts = expectBody(await this.admin.get(`/api/medical-alerts?caseId=${caseId}&limit=100`), 200, medicalAlertPage);
    const alert = alerts.items.find((item) => item.incidentId === incident.id);
    assert.ok(alert, 'a high or critical incident opens an alert');
    return { incident, alert };
  }

  async newDocument(caseId: string, { privileged = false, text = 'Fixture document text', by = this.admin } = {}) {
    const fields: Record<string, string> = { title: this.unique('Document'), kind: 'memo' };
    if (privileged) fields.privileged = 'true';
    return expectBody(await by.post(`/api/cases/${caseId}/documents`, form(Buffer.from(text), 'note.txt', fields)), 201, documentDetail);
  }

  async newContact(caseId: string, by = this.admin) {
    const body = { kind: 'call', status: 'held', occurredAt: inDays(-1) };
    return expectBody(await by.post(`/api/cases/${caseId}/contacts`, body), 201, contactEventCreated);
  }

  async newLegalAction(caseId: string, by = this.admin) {
    return expectBody(await by.post(`/api/cases/${caseId}/legal-actions`, { step: 'motion_independent_doctor', language: 'en' }), 201, legalAction);
  }

  async newTemplate(by = this.admin) {
    const body = { step: 'motion_independent_doctor', language: 'en', title: this.unique('Template'), body: 'Motion for {{case.title}}' };
    return expectBody(await by.post('/api/legal-templates', body), 201, legalTemplate);
  }

  async newExpense(caseId: string, by = this.admin) {
    const body = { category: 'legal_fees', payee: 'Bar association', spentOn: '2026-11-01', amountMinor: 1500, currency: 'EUR' };
    return expectBody(await by.post(`/api/cases/${caseId}/expenses`, body), 201, expenseItem);
  }

  async newOfflineDonation(caseId: string, { email, amountMinor = 2500 }: { email?: string; amountMinor?: number } = {}) {
    const body = { caseId, amountMinor, currency: 'EUR', method: 'cash', anonymous: !email, ...(email ? { email, name: 'Fixture Donor' } : {}) };
    return expectBody(await this.admin.post('/api/donations/offline', body), 201, donationItem);
  }

  /** Valid (invented) Russian bank details on a case, so its donation page offers a bank transfer. */
  async newBankDetails(caseId: string) {
    const response = await this.admin.put(`/api/cases/${caseId}/bank-details`, DEMO_BANK_DETAILS);
    assert.equal(response.status, 200, response.text);
    return response.body as { code: string };
  }

  /** Imports a one-line statement with an incoming transfer no code matches; returns the statement and the transfer. */
  async newUnmatchedTransfer() {
    const number = String(100000 + (++this.counter % 900000));
    const purpose = this.unique('Перевод');
    const bytes = renderStatement(DEMO_BANK_DETAILS.account, '2026-11-01', '2026-11-02', [
      { number, date: '2026-11-02', amountRub: '321.00', direction: 'in', counterparty: 'Fixture Payer', counterpartyAccount: '40817810000000000099', purpose },
    ]);
    const imported = await this.admin.post('/api/donations/bank-statements', form(bytes, 'statement.txt'));
    assert.equal(imported.status, 201, imported.text);
    const list = await this.admin.get('/api/donations/bank-transfers?status=unmatched&limit=100');
    const transfer = (list.body.items as Array<{ id: string; purpose: string }>).find((item) => item.purpose === purpose);
    assert.ok(transfer, 'the imported transfer is listed for review');
    return { statementId: imported.body.statementId as string, transferId: transfer.id, bytes };
  }
}
