/**
 * The shell launcher runs real commands through a real /bin/sh: arguments arrive as given whatever they
 * hold, output and exit codes come back per job with several at once, and timeouts, aborts, close and a
 * shell that dies are reported, never left hanging.
 */
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, it } from "node:test";
import { ShellLauncher } from "./shell-launcher.ts";

let directory: string;
before(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "quire-launcher-test-"));
});
after(async () => {
  await rm(directory, { recursive: true, force: true });
});

// biome-ignore lint/style/noProcessEnv: the commands need the PATH this test runs with.
const launcher = () => new ShellLauncher({ PATH: process.env.PATH, QUIRE_PROBE: "from-env" }, directory);

it("passes arguments through untouched and returns stdout, stderr and the exit code", async () => {
  const shell = launcher();
  try {
    const words = [
      "two words",
      "it's",
      '"quoted"',
      "$HOME `id` $(id) ; | & > <",
      "*",
      "",
      "tab\there",
      "line\nbreak",
    ];
    const printed = await shell.run("printf", ["%s|", ...words], { timeoutMs: 5000 });
    assert.equal(printed.code, 0);
    assert.equal(printed.stdout, `${words.join("|")}|`);
    const failed = await shell.run("sh", ["-c", 'echo out; echo "err $QUIRE_PROBE" >&2; exit 3'], {
      timeoutMs: 5000,
    });
    assert.deepEqual(failed, { code: 3, stdout: "out\n", stderr: "err from-env\n" });
  } finally {
    shell.close();
  }
});

it("runs jobs at once, each with its own output, and leaves no files behind", async () => {
  const shell = launcher();
  try {
    const started = performance.now();
    const outputs = await Promise.all(
      [3, 1, 2].map((n) => shell.run("sh", ["-c", `sleep 0.${n}; echo job${n}`], { timeoutMs: 5000 })),
    );
    assert.deepEqual(
      outputs.map((output) => output.stdout),
      ["job3\n", "job1\n", "job2\n"],
    );
    // Side by side, not one after another (0.6 s).
    assert.ok(performance.now() - started < 550, `took ${performance.now() - started} ms`);
    assert.deepEqual(await readdir(directory), []);
  } finally {
    shell.close();
  }
});

it("kills a command past its time and on abort, and reports a missing command", async () => {
  const shell = launcher();
  try {
    await assert.rejects(shell.run("sleep", ["5"], { timeoutMs: 100 }), /sleep was killed/);
    const controller = new AbortController();
    const running = shell.run("sleep", ["5"], { timeoutMs: 5000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stop now")), 50);
    await assert.rejects(running, /stop now/);
    await assert.rejects(
      shell.run("no-such-command-quire", [], { timeoutMs: 5000 }),
      /ENOENT: command not found/,
    );
    // Still serving after all that.
    assert.equal((await shell.run("echo", ["ok"], { timeoutMs: 5000 })).stdout, "ok\n");
  } finally {
    shell.close();
  }
});

it("fails running jobs when closed or when the shell dies, and starts a new shell after a death", async () => {
  const shell = launcher();
  const first = shell.run("sleep", ["5"], { timeoutMs: 10_000 });
  // The subshell that started the job is a child of the launch shell: kill the launch shell itself.
  const shellPid = Number(
    (
      await shell.run("sh", ["-c", "read -r _ _ _ ppid _ < /proc/$PPID/stat; echo $ppid"], {
        timeoutMs: 5000,
      })
    ).stdout,
  );
  assert.ok(shellPid > 1);
  process.kill(shellPid, "SIGKILL");
  await assert.rejects(first, /launch shell ended/);
  assert.equal((await shell.run("echo", ["again"], { timeoutMs: 5000 })).stdout, "again\n");
  const pending = shell.run("sleep", ["5"], { timeoutMs: 10_000 });
  await new Promise((resolve) => setTimeout(resolve, 100));
  shell.close();
  await assert.rejects(pending);
  await assert.rejects(shell.run("echo", ["closed"], { timeoutMs: 5000 }), /closed/);
});

it("does not keep the process alive while idle", async () => {
  // A child script that runs one job and never closes its launcher must still exit.
  const script = `
    import { ShellLauncher } from ${JSON.stringify(new URL("./shell-launcher.ts", import.meta.url).href)};
    const shell = new ShellLauncher({ PATH: process.env.PATH }, ${JSON.stringify(directory)});
    const { stdout } = await shell.run("echo", ["done"], { timeoutMs: 5000 });
    process.stdout.write(stdout);
  `;
  const { execFile } = await import("node:child_process");
  const output = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, ["--input-type=module", "-e", script], { timeout: 10_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    ),
  );
  assert.equal(output, "done\n");
});

it("clears its files and the owner's leftovers when the process that started it goes away mid-job", async () => {
  const folder = await mkdtemp(path.join(tmpdir(), "quire-launcher-exit-"));
  try {
    // The child writes a file of its own (a page image), starts a job that is still running, and exits
    // without closing the launcher, as a terminated worker thread does.
    const script = `
      import { writeFileSync } from "node:fs";
      import { ShellLauncher } from ${JSON.stringify(new URL("./shell-launcher.ts", import.meta.url).href)};
      writeFileSync(${JSON.stringify(path.join(folder, "owner-1.pgm"))}, "P5 1 1 255 x");
      const shell = new ShellLauncher({ PATH: process.env.PATH }, ${JSON.stringify(folder)}, ["owner"]);
      shell.run("sh", ["-c", "echo partial; sleep 1"], { timeoutMs: 10_000 });
      setTimeout(() => process.exit(0), 200);
    `;
    const { execFile } = await import("node:child_process");
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, ["--input-type=module", "-e", script], { timeout: 10_000 }, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
    const unrelated = path.join(folder, "someone-else.txt");
    await import("node:fs/promises").then(({ writeFile }) => writeFile(unrelated, "kept"));
    let left = await readdir(folder);
    for (let wait = 0; wait < 20 && left.length > 1; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      left = await readdir(folder);
    }
    assert.deepEqual(left, ["someone-else.txt"]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
