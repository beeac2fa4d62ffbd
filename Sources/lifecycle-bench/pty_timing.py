#!/usr/bin/env python3
"""Times terminal programs in a real pseudo-terminal (part of the benchmarks, not tests).

  first-frame  CMD... : seconds from start until MARKER has been written (the frame's last
                        drawn text), median of RUNS.
  move-bytes   CMD... : bytes the program writes for one cursor move (KEY) after its first
                        frame has settled (and after SETUP keys, if given).
Usage: pty_timing.py first-frame|move-bytes --marker TEXT [--key KEY] [--setup KEYS] [--runs N] -- CMD...
"""
import argparse, os, pty, select, signal, statistics, sys, time


def spawn(command, columns=80, rows=24):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["COLUMNS"], os.environ["LINES"] = str(columns), str(rows)
        os.execvp(command[0], command)
    import fcntl, struct, termios
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    return pid, fd


def chunks(fd, wait, limit):
    """Yields what the program writes, as it arrives, until `limit` seconds have passed,
    the terminal closes, or nothing arrives for `wait` seconds (None: keep waiting)."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        ready, _, _ = select.select([fd], [], [], wait if wait is not None else 0.05)
        if not ready:
            if wait is not None:
                return
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return
        if not chunk:
            return
        yield chunk


def read_until(fd, marker, timeout):
    """Reads until the marker appears; returns (seconds, bytes read) or (None, bytes)."""
    start = time.perf_counter()
    data = b""
    for chunk in chunks(fd, None, timeout):
        data += chunk
        if marker in data:
            return time.perf_counter() - start, data
    return None, data


def read_quiet(fd, quiet=0.3, limit=3.0):
    """Reads until nothing arrives for `quiet` seconds."""
    return b"".join(chunks(fd, quiet, limit))


def stop(pid, fd):
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["first-frame", "move-bytes"])
    parser.add_argument("--marker", required=True)
    # Down arrow as terminals send it in keypad mode (both programs enable it).
    parser.add_argument("--key", default="\\x1bOB")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--setup", default="", help="keys sent before the measured one (e.g. z)")
    if "--" not in sys.argv:
        sys.exit("usage: pty_timing.py MODE --marker TEXT [--key KEY] [--runs N] -- COMMAND...")
    split = sys.argv.index("--")
    args = parser.parse_args(sys.argv[1:split])
    command = sys.argv[split + 1:]
    marker = args.marker.encode()
    results = []
    for _ in range(args.runs):
        pid, fd = spawn(command)
        seconds, data = read_until(fd, marker, timeout=20)
        if seconds is None:
            stop(pid, fd)
            sys.exit(f"marker {args.marker!r} never appeared; output was {data[-400:]!r}")
        if args.mode == "first-frame":
            results.append(seconds)
        else:
            read_quiet(fd)
            if args.setup:
                os.write(fd, args.setup.encode().decode("unicode_escape").encode("latin-1"))
                read_quiet(fd)
            os.write(fd, args.key.encode().decode("unicode_escape").encode("latin-1"))
            written = read_quiet(fd)
            # A key the program does not take as "down" can end it instead (an earlier
            # version of this script counted dialog's exit as its move): refuse that.
            exited = os.waitpid(pid, os.WNOHANG)[0] != 0
            if exited or b"\x1b[?1049l" in written:
                stop(pid, fd) if not exited else os.close(fd)
                sys.exit(f"the key {args.key!r} ended the program instead of moving; output was {written[-200:]!r}")
            results.append(len(written))
        stop(pid, fd)
    if args.mode == "first-frame":
        print(f"median_ms {statistics.median(results) * 1000:.1f} runs {len(results)}")
    else:
        print(f"median_bytes {statistics.median(results):.0f} runs {len(results)}")


if __name__ == "__main__":
    main()
