#!/usr/bin/env python3
"""Times rehearse as a person meets it, through a pseudo-terminal.

startup:  time from exec to the first answer prompt, median of N runs.
think:    how far the recorded think_ms is from a known delay before the first key.
"""
import json, os, pty, select, statistics, sys, tempfile, time

def run_until(binary, args, env, marker, timeout=20):
    """Starts binary in a pty; returns (pid, fd, seconds until marker appeared)."""
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary] + args, env)
    seen = b""
    while marker not in seen:
        if time.monotonic() - start > timeout:
            raise SystemExit(f"timed out waiting for {marker!r}; got {seen[-300:]!r}")
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            seen += os.read(fd, 65536)
    return pid, fd, time.monotonic() - start

def finish(pid, fd):
    os.write(fd, b"\x04")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                os.read(fd, 65536)
            except OSError:
                break
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    os.close(fd)

def environment(home):
    env = dict(os.environ, REHEARSE_HOME=home, HOME=home, TERM="xterm", NO_COLOR="1", LC_ALL="C.UTF-8")
    env.pop("EDITRC", None)
    return env

def main():
    binary = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.5
    home = tempfile.mkdtemp(prefix="rehearse-bench-")
    env = environment(home)
    # The reference: a C tool's start-up through the same pseudo-terminal path, in the same run,
    # alternating with rehearse so a change in the machine's load touches both alike.
    times, reference = [], []
    for _ in range(runs):
        pid, fd, seconds = run_until("/usr/bin/sqlite3", ["-version"], env, b"\n")
        finish(pid, fd)
        reference.append(seconds * 1000)
        pid, fd, seconds = run_until(binary, ["practice", "--seed", "7"], env, b"[1/")
        # Wait for the rest of the prompt so the editor is reading.
        time.sleep(0.05)
        finish(pid, fd)
        times.append(seconds * 1000)
    print(f"startup to first prompt: median {statistics.median(times):.1f} ms, "
          f"min {min(times):.1f} ms, max {max(times):.1f} ms over {runs} runs")
    print(f"sqlite3 -version through the same pseudo-terminal: median {statistics.median(reference):.1f} ms, "
          f"min {min(reference):.1f} ms, max {max(reference):.1f} ms")
    print(f"ratio of medians (target at most 4): {statistics.median(times) / statistics.median(reference):.1f}")

    errors = []
    for _ in range(runs):
        folder = tempfile.mkdtemp(prefix="rehearse-think-")
        env = environment(folder)
        pid, fd, _ = run_until(binary, ["practice", "--seed", "7"], env, b"] \xe2\x80\xba ")
        shown = time.monotonic()
        time.sleep(delay)
        os.write(fd, b"x")
        typed = time.monotonic()
        os.write(fd, b"\r")
        time.sleep(0.2)
        finish(pid, fd)
        transcripts = os.path.join(folder, "transcripts")
        name = sorted(n for n in os.listdir(transcripts) if n.endswith(".jsonl"))[0]
        with open(os.path.join(transcripts, name)) as file:
            answers = [json.loads(line) for line in file if '"type":"answer"' in line]
        recorded = answers[0]["timing"]["think_ms"]
        errors.append(recorded - (typed - shown) * 1000)
    print(f"think_ms minus the delay measured by the typist ({delay * 1000:.0f} ms): "
          f"median {statistics.median(errors):+.1f} ms, range {min(errors):+.1f} to {max(errors):+.1f} ms over {runs} runs")

if __name__ == "__main__":
    main()
