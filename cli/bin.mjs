#!/usr/bin/env node
// The `actionplan` binary. Runs the TypeScript sources through tsx's loader API from
// node_modules, so a fresh clone works after `npm install` with nothing installed globally.
import { register } from "tsx/esm/api";

register();
const { runProcess } = await import("./main.ts");
await runProcess();
