/**
 * The functions.js bundle entry: registers the CLUSTER functions when the custom-functions
 * runtime runs the script. Elsewhere (a browser without Excel) it does nothing.
 */
import { associateAll } from "./functions.ts";

if ("CustomFunctions" in globalThis) associateAll();
