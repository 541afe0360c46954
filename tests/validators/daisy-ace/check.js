// DAISY Ace on many EPUB files with one browser (Ace's own command line starts one per file).
// Usage: node check.js OUTDIR FILE.epub...
// Writes Ace's report of each file to OUTDIR/<file name without .epub>/report.json. Exits with
// status 1 when Ace could not check a file (its error is on stderr), else 0, violations or not:
// reading the reports is the caller's job.
'use strict';

const path = require('path');
const ace = require('@daisy/ace-core');
const logger = require('@daisy/ace-logger');
const runner = require('@daisy/ace-axe-runner-puppeteer');

logger.initLogger({ verbose: false, silent: true });

// Ace launches and closes its runner for every book; this one starts the browser for the first
// book and keeps it until the last is checked.
let launched = false;
const sharedRunner = {
  ...runner,
  launch: async () => {
    if (!launched) {
      await runner.launch();
      launched = true;
    }
  },
  close: async () => {},
};

async function main([outdir, ...files]) {
  let failed = 0;
  try {
    for (const file of files) {
      const options = {
        cwd: process.cwd(), // Ace resolves relative paths against it, and needs it given
        outdir: path.join(outdir, path.parse(file).name),
        silent: true,
        jobId: '',
      };
      try {
        await ace(file, options, sharedRunner);
      } catch (error) {
        failed += 1;
        console.error(`${file}: ${error && error.message ? error.message : error}`);
      }
    }
  } finally {
    if (launched) {
      await runner.close();
    }
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    console.error(error);
    process.exitCode = 2;
  },
);
