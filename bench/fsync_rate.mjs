// bench/fsync_rate.mjs — the physical floor of durable commits: how many times per second this machine's disk
// takes a 4 KiB append and fdatasync() (what a WAL commit does at least) in DIRECTORY, for SECONDS.
//
//   node bench/fsync_rate.mjs DIRECTORY [SECONDS] [--result-line]
import fs from 'node:fs';
import path from 'node:path';

const [directory, secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg ?? 2);
const file = path.join(directory, `fsync-rate-${process.pid}.tmp`);
const fd = fs.openSync(file, 'w');
const block = Buffer.alloc(4096, 'x');
let syncs = 0;
const started = process.hrtime.bigint();
let elapsed = 0;
while (elapsed < seconds) {
  fs.writeSync(fd, block);
  fs.fdatasyncSync(fd);
  ++syncs;
  elapsed = Number(process.hrtime.bigint() - started) / 1e9;
}
fs.closeSync(fd);
fs.rmSync(file);
const rate = syncs / elapsed;
console.log(`disk floor: ${rate.toFixed(0)} fsyncs/s (4 KiB append + fdatasync, ${seconds} s, in ${directory})`);
if (process.argv.includes('--result-line')) console.log('RESULT ' + JSON.stringify({ fsyncs: rate }));
