// Run as a child process by medical-logs.e2e.ts: boots an app logging at LOG_LEVEL=trace to this
// process's stdout (pino writes to fd 1), handles medical requests, and exits. The parent reads the log.
import { startTestApp } from './test-app';

async function main(): Promise<void> {
  const secret = process.env.MEDICAL_LOG_SECRET ?? 'missing-secret';
  const t = await startTestApp({ env: { LOG_LEVEL: 'trace' } });
  try {
    const lawyer = await t.signIn('lawyer@demo.local');
    const base = { occurredAt: new Date().toISOString(), type: 'ambulance_call', severity: 'critical', source: 'family' };
    const created = await lawyer.post('/api/cases/vorontsov/medical-incidents', {
      ...base,
      description: `${secret} description`,
      outcome: `${secret} outcome`,
      vitals: [{ at: new Date().toISOString(), systolic: 199, pulse: 123 }],
    });
    if (created.status !== 201) throw new Error(`create failed: ${created.status}`);
    await lawyer.get(`/api/medical-incidents/${created.body.id}`);
    await lawyer.get('/api/cases/vorontsov/medical-incidents');
    // Refused input must not be echoed into the log either.
    await lawyer.post('/api/cases/vorontsov/medical-incidents', { ...base, severity: 'bad', description: `${secret} refused` });
    await lawyer.post('/api/cases/vorontsov/medical-incidents', { ...base, description: { text: `${secret} wrong type` } });
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    await t.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(String(error) + '\n');
    process.exit(1);
  },
);
