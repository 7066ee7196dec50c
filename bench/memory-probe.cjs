// Loaded with `node --require bench/memory-probe.cjs` into the measured app: every 250 ms appends the process's
// memory split (resident set, V8 heap used and reserved, memory outside the heap) to $BENCH_MEMORY_FILE as a JSON
// line, so the bench can say what a peak of resident memory is made of and during which endpoint it came.
const { appendFileSync } = require('node:fs');

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  const mb = (bytes) => Math.round(bytes / 1048576);
  setInterval(() => {
    const m = process.memoryUsage();
    const line = {
      at: Date.now(),
      rss: mb(m.rss),
      heapUsed: mb(m.heapUsed),
      heapTotal: mb(m.heapTotal),
      external: mb(m.external),
      arrayBuffers: mb(m.arrayBuffers),
    };
    appendFileSync(file, JSON.stringify(line) + '\n');
  }, 250).unref();
}
