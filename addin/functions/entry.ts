/**
 * The functions.js bundle entry: registers the CLUSTER functions when Excel's custom-functions
 * runtime loads the script.
 */
import { associateAll } from "./functions.ts";

associateAll();
