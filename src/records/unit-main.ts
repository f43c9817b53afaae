/**
 * One unit of a record, in its own process (started by pool.ts):
 *   node --import tsx src/records/unit-main.ts <item> <budget> <unit JSON> <output file>
 * Writes { result, cpuSeconds } to the output file (NaN/∞ kept, see record.ts).
 */
import * as fs from "fs";
import { recordItem, type Unit } from "./items";
import { toJson } from "./record";
import type { Budget } from "../core/budget";

async function main(): Promise<void> {
  const [name, budget, unitJson, out] = process.argv.slice(2);
  const item = recordItem(name);
  const result = await item.runUnit(JSON.parse(unitJson) as Unit, budget as Budget);
  const cpu = process.cpuUsage();
  fs.writeFileSync(out, toJson({ result, cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
