// A stand-in for `main.js worker` under superviseWorker: it writes what its parent tells it, one
// line each with its pid, to the file HERALD_TEST_HEARD names.
import fs from "node:fs";
import { exitWithParent, onParentMessage } from "../../app/server/worker-child";

const file = process.env.HERALD_TEST_HEARD!;
const note = (line: string) => fs.appendFileSync(file, `${process.pid} ${line}\n`);
onParentMessage({ wake: () => note("wake"), webBusy: (busy) => note(`webBusy ${busy}`) });
note("started");
const alive = setInterval(() => {}, 60_000);
exitWithParent(() => clearInterval(alive));
