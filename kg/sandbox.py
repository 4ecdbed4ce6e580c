"""Where the SPARQL endpoint runs untrusted work: without network access, and stoppable.

Both query engines can open connections on a query's behalf (Oxigraph and rdflib resolve
``SERVICE`` clauses and ``LOAD`` operations), and neither can be interrupted once a query runs.
So the endpoint never relies on reading the query text:

* :func:`deny_network` forbids the calling thread, and the threads it starts, to create
  sockets (a seccomp filter on Linux x86-64 and AArch64): whatever the engine parsed, it cannot
  connect anywhere.
* :func:`run_forked` runs a function in a forked child that has no network (the same filter,
  or else a file-descriptor limit that leaves it no room for a socket), and kills it at its
  deadline, when its private memory passes a cap, or when its output passes a size cap. The
  work stops with the child; a crash of the engine (deep nesting overflows its parser's stack)
  ends the child, not the server.

>>> out = run_forked(lambda: b"hello", timeout=10)
>>> out.status, out.data
('ok', b'hello')
"""
from __future__ import annotations

import ctypes
import errno
import os
import platform
import select
import signal
import stat
import struct
import threading
import time
from dataclasses import dataclass
from typing import Callable

__all__ = ["deny_network", "network_guard", "can_fork", "run_forked", "Outcome"]

# seccomp: architecture tag (AUDIT_ARCH_*) and the number of socket(2) on it
_ARCHES = {"x86_64": (0xC000003E, 41), "amd64": (0xC000003E, 41),
           "aarch64": (0xC00000B7, 198), "arm64": (0xC00000B7, 198)}
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2
_RET_ALLOW, _RET_EPERM = 0x7FFF0000, 0x00050000 | errno.EPERM
_X32_BIT = 0x40000000


def _bpf(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("HBBI", code, jt, jf, k)


def deny_network() -> None:
    """Forbid the calling thread (and every thread it starts later) to create sockets: a
    ``socket()`` call fails with ``EPERM``. Irreversible for that thread; other threads are not
    affected. Raises ``OSError`` where this is not possible (not Linux x86-64/AArch64, or
    seccomp disabled)."""
    arch = _ARCHES.get(platform.machine().lower())
    if arch is None or not hasattr(ctypes, "CDLL") or platform.system() != "Linux":
        raise OSError(errno.ENOSYS, f"no socket filter on {platform.system()} {platform.machine()}")
    audit_arch, socket_nr = arch
    ld_w_abs, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06
    prog = b"".join([
        _bpf(ld_w_abs, 0, 0, 4),               # A = architecture
        _bpf(jeq, 1, 0, audit_arch),
        _bpf(ret, 0, 0, _RET_EPERM),            # another ABI (i386 on x86-64): nothing allowed
        _bpf(ld_w_abs, 0, 0, 0),                # A = syscall number
        _bpf(jge, 2, 0, _X32_BIT),              # x32 ABI numbers: refused
        _bpf(jeq, 1, 0, socket_nr),
        _bpf(ret, 0, 0, _RET_ALLOW),
        _bpf(ret, 0, 0, _RET_EPERM),
    ])

    class _Prog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    buf = ctypes.create_string_buffer(prog, len(prog))
    fprog = _Prog(len(prog) // 8, ctypes.addressof(buf))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_SECCOMP) failed")


_GUARD: list = []


def network_guard() -> bool:
    """Whether :func:`deny_network` works here (tried once, in a throwaway thread)."""
    if not _GUARD:
        ok = []

        def probe():
            try:
                deny_network()
                import socket

                try:
                    socket.socket().close()
                except PermissionError:
                    ok.append(True)
            except OSError:
                pass

        t = threading.Thread(target=probe, name="kg-net-probe")
        t.start()
        t.join()
        _GUARD.append(bool(ok))
    return _GUARD[0]


def can_fork() -> bool:
    """Whether :func:`run_forked` can run here (a POSIX system with ``fork``)."""
    return hasattr(os, "fork") and hasattr(os, "waitpid")


@dataclass
class Outcome:
    """How a forked run ended: ``status`` is ``ok`` (``data`` is its output), ``timeout``,
    ``memory`` (over ``max_memory``), ``size`` (output over ``max_bytes``) or ``crashed``
    (killed by signal ``signal``, or exited with ``exit_code``)."""

    status: str
    data: bytes = b""
    signal: int | None = None
    exit_code: int | None = None


def _close_sockets() -> None:
    """Close every inherited socket (the listening one, other clients' connections), so a
    child left running cannot talk on them, and a closed connection is not held open."""
    try:
        fds = [int(n) for n in os.listdir("/proc/self/fd")]
    except OSError:
        return
    for fd in fds:
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                os.close(fd)
        except OSError:
            pass


def _no_new_descriptors() -> None:
    """Fallback without seccomp: fill every free descriptor number below the highest open one
    and cap the limit there, so that no socket (nor any other descriptor) can be created."""
    import resource     # POSIX only: imported here so that Windows can import this module

    try:
        high = max(int(n) for n in os.listdir("/proc/self/fd"))
    except OSError:
        high = 1023
    resource.setrlimit(resource.RLIMIT_NOFILE, (high + 1, high + 1))
    while True:
        try:
            os.open(os.devnull, os.O_RDONLY)
        except OSError:
            break


def _private_bytes(pid: int) -> int | None:
    """Memory the child wrote since the fork (private pages), from /proc; ``None`` elsewhere."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            total = 0
            for line in f:
                if line.startswith((b"Private_Dirty:", b"Private_Clean:")):
                    total += int(line.split()[1]) * 1024
            return total
    except (OSError, ValueError):
        return None


def run_forked(fn: Callable[[], bytes], *, timeout: float | None, max_bytes: int | None = None,
               max_memory: int | None = None, fork_lock=None) -> Outcome:
    """Run ``fn()`` in a forked child without network access and return its bytes.

    The child is killed (SIGKILL) at ``timeout`` seconds, when its private memory passes
    ``max_memory`` bytes, or when its output passes ``max_bytes``. ``fork_lock`` (a lock) is
    held while forking, so that a writer holding it is never copied mid-write. An exception in
    ``fn`` ends the child with exit code 70 (``fn`` should turn its errors into bytes).
    """
    deadline = None if not timeout else time.monotonic() + timeout
    rfd, wfd = os.pipe()
    if fork_lock is not None:
        fork_lock.acquire()
    try:
        pid = os.fork()
    finally:
        if fork_lock is not None:
            fork_lock.release()
    if pid == 0:  # the child: never returns
        code = 70
        try:
            os.close(rfd)
            _close_sockets()
            try:
                deny_network()
            except OSError:
                _no_new_descriptors()
            data = fn()
            view = memoryview(data)
            while view:
                view = view[os.write(wfd, view):]
            code = 0
        except BaseException:  # noqa: BLE001 - the parent reports the exit code
            pass
        finally:
            os._exit(code)
    os.close(wfd)
    chunks, size, status, next_check = [], 0, None, 0.0
    try:
        while True:
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                status = "timeout"
                break
            if max_memory and now >= next_check:
                next_check = now + 0.05
                used = _private_bytes(pid)
                if used is not None and used > max_memory:
                    status = "memory"
                    break
            wait = 0.05 if deadline is None else max(0.0, min(0.05, deadline - now))
            ready, _, _ = select.select([rfd], [], [], wait)
            if not ready:
                continue
            chunk = os.read(rfd, 1 << 16)
            if not chunk:
                break
            size += len(chunk)
            if max_bytes is not None and size > max_bytes:
                status = "size"
                break
            chunks.append(chunk)
    finally:
        os.close(rfd)
        if status is not None:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        _, wstatus = os.waitpid(pid, 0)
    if status is not None:
        return Outcome(status)
    if os.WIFSIGNALED(wstatus):
        return Outcome("crashed", signal=os.WTERMSIG(wstatus))
    code = os.WEXITSTATUS(wstatus)
    if code != 0:
        return Outcome("crashed", exit_code=code)
    return Outcome("ok", b"".join(chunks))
