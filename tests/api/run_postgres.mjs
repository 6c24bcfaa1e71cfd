// tests/api/run_postgres.mjs — runs API test files against PostgreSQL: starts one throwaway cluster
// (pg_cluster.mjs), runs `node --test` on the files with GONGYOU_TEST_PG set to the cluster's URL (the
// harness then gives each server its own fresh database), and removes the cluster whatever happens.
//
//   node tests/api/run_postgres.mjs FILE.test.mjs...
import { spawn } from 'node:child_process';

import { startCluster } from './pg_cluster.mjs';

const cluster = await startCluster();
let code = 1;
try {
  const child = spawn(process.execPath, ['--test', '--test-reporter=spec', ...process.argv.slice(2)],
                      { stdio: 'inherit', env: { ...process.env, GONGYOU_TEST_PG: cluster.url, GONGYOU_TEST_PG_DIR: cluster.dir } });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
} finally {
  cluster.stop();
}
process.exit(code);
