#!/usr/bin/env node
// Runs the built CLI (`npm run build` first when working from a checkout).
require('../out/main/cli.js');
