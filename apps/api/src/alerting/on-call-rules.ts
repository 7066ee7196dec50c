/** A weekly rota slot in the policy's time zone: weekday 1 = Monday … 7 = Sunday, minutes since midnight, end exclusive. */
export interface RotaShift {
  userId: string;
  weekday: number;
  startMinute: number;
  endMinute: number;
}

/** Someone on duty instead of the rota for a while (holiday cover, a swap). */
export interface RotaOverride {
  userId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface Rota {
  timeZone: string;
  shifts: RotaShift[];
  overrides: RotaOverride[];
}

const WEEK = 7 * 1440;
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** "HH:MM" → minutes since midnight; "00:00" as an end means the end of the day (1440). */
export function clockToMinutes(clock: string, asEnd = false): number {
  const [hours, minutes] = clock.split(':').map(Number);
  const value = hours * 60 + minutes;
  return asEnd && value === 0 ? 1440 : value;
}

export function minutesToClock(minutes: number): string {
  const m = minutes % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The weekday (1–7) and minute of the day that `at` is in `timeZone`. */
export function localClock(at: Date, timeZone: string): { weekday: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  return { weekday: WEEKDAYS[part('weekday')] ?? 1, minute: Number(part('hour')) * 60 + Number(part('minute')) };
}

const weekMinute = (weekday: number, minute: number) => (weekday - 1) * 1440 + minute;

function shiftCovers(shift: RotaShift, weekday: number, minute: number): boolean {
  return shift.weekday === weekday && shift.startMinute <= minute && minute < shift.endMinute;
}

/** Whom the rota alone puts on duty at `at` (first matching shift), ignoring overrides. */
function rotaOnDuty(rota: Rota, at: Date): string | null {
  const { weekday, minute } = localClock(at, rota.timeZone);
  return rota.shifts.find((shift) => shiftCovers(shift, weekday, minute))?.userId ?? null;
}

/** Who is on duty at `at`: the most recently started override in force, otherwise the rota. */
export function onDutyAt(rota: Rota, at: Date): string | null {
  const active = rota.overrides
    .filter((o) => o.startsAt.getTime() <= at.getTime() && at.getTime() < o.endsAt.getTime())
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  return active[0]?.userId ?? rotaOnDuty(rota, at);
}

/**
 * The next person to call when the one on duty does not answer: whoever the rota has on duty now if an override
 * replaced them, otherwise the person of the next shift (in week order, wrapping) who is not the one on duty.
 */
export function nextOnDutyAfter(rota: Rota, at: Date): string | null {
  const current = onDutyAt(rota, at);
  const byRota = rotaOnDuty(rota, at);
  if (byRota && byRota !== current) return byRota;
  const { weekday, minute } = localClock(at, rota.timeZone);
  const now = weekMinute(weekday, minute);
  const ahead = rota.shifts
    .map((shift) => ({ shift, distance: (weekMinute(shift.weekday, shift.startMinute) - now + WEEK) % WEEK || WEEK }))
    .sort((a, b) => a.distance - b.distance);
  return ahead.find(({ shift }) => shift.userId !== current)?.shift.userId ?? null;
}

/** Quiet hours from `start` to `end` (minutes, local to `timeZone`), across midnight when start > end. */
export function inQuietHours(quiet: { start: number; end: number } | null, at: Date, timeZone: string): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  const { minute } = localClock(at, timeZone);
  return quiet.start < quiet.end ? quiet.start <= minute && minute < quiet.end : minute >= quiet.start || minute < quiet.end;
}

/** The escalation steps: 0 the person on duty, 1 the next person, 2 everyone with medical rights and the admins. */
export const LAST_STEP = 2;

/**
 * Who a step calls. Nobody on duty (no rota, or a gap in it): the first step calls the case's medical staff, or
 * everyone when it has none. `everyone` is the case's medical staff and the admins.
 */
export function recipientsOfStep(step: number, people: { onDuty: string | null; next: string | null; medicalStaff: string[]; everyone: string[] }): string[] {
  if (step === 0) return people.onDuty ? [people.onDuty] : people.medicalStaff.length ? people.medicalStaff : people.everyone;
  if (step === 1) return people.next && people.next !== people.onDuty ? [people.next] : [];
  return people.everyone;
}
