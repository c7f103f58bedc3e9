//! Shared helpers of the integration tests in `tests/tests/`.
//!
//! Every test that needs a kernel feature the host may lack probes for it and calls
//! [`require`]: on a host without the feature the test prints a `SOCK-SKIP:` line with the
//! reason and returns early; with `SOCK_REQUIRE_ALL=1` (always set inside the VM of
//! `cargo xtask test-linux`) a missing feature fails the test instead. `cargo xtask` counts the
//! `SOCK-SKIP:` lines, so a skip is never silent.

use std::io;
use std::process::Command;

/// The marker that starts every skip line; the xtask counts these.
pub const SKIP_MARKER: &str = "SOCK-SKIP:";

/// Whether missing kernel features must fail tests (`SOCK_REQUIRE_ALL=1`).
pub fn require_all() -> bool {
    std::env::var("SOCK_REQUIRE_ALL").is_ok_and(|v| v == "1")
}

/// Checks a feature probe. Returns `true` when the test may go on. When the probe failed it
/// panics under `SOCK_REQUIRE_ALL=1`, and otherwise prints `SOCK-SKIP: <what>: <why>` and
/// returns `false` (the caller returns).
///
/// ```no_run
/// # fn probe() -> std::io::Result<()> { Ok(()) }
/// if !sock_tests::require("AF_CAN sockets", probe()) {
///     return;
/// }
/// ```
#[track_caller]
pub fn require<T, E: std::fmt::Display>(what: &str, probe: Result<T, E>) -> bool {
    match probe {
        Ok(_) => true,
        Err(e) => {
            if require_all() {
                panic!("{what} is required (SOCK_REQUIRE_ALL=1) but unavailable: {e}");
            }
            println!("{SKIP_MARKER} {what}: {e}");
            eprintln!("{SKIP_MARKER} {what}: {e}");
            false
        }
    }
}

/// Whether this process runs as root (needed for netns, veth, AF_PACKET).
pub fn is_root() -> bool {
    nix::unistd::geteuid().is_root()
}

/// [`require`] for root privileges.
#[track_caller]
pub fn require_root(what: &str) -> bool {
    require(what, if is_root() { Ok(()) } else { Err("not running as root") })
}

/// Whether a program can be run (for real peers such as `socat`, `candump`, `python3`).
pub fn have_program(name: &str) -> io::Result<()> {
    match Command::new(name).arg("--version").output() {
        Ok(_) => Ok(()),
        Err(e) => Err(io::Error::new(e.kind(), format!("`{name}` not found: {e}"))),
    }
}

/// The number of open fds of this process (entries of `/proc/self/fd`), for leak checks.
pub fn open_fd_count() -> usize {
    std::fs::read_dir("/proc/self/fd").map(|d| d.count()).unwrap_or(0)
}

/// Runs `python3 -c script args...` and returns its stdout; panics with stderr on failure.
pub fn python(script: &str, args: &[&str]) -> String {
    let out = Command::new("python3").arg("-c").arg(script).args(args).output().expect("run python3");
    assert!(out.status.success(), "python3 failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("python3 printed UTF-8")
}

/// The environment variable that marks the child of [`in_private_resolver`].
const PRIVATE_RESOLVER_ENV: &str = "SOCK_PRIVATE_RESOLVER";

/// Runs the calling test (named `test_name`, its function name) in a child process inside new
/// network and mount namespaces where name resolution cannot leave the machine: only `lo`
/// (up), `/etc/nsswitch.conf` with `hosts: files`, `/etc/resolv.conf` naming `127.0.0.1`
/// only, and a private `/etc/hosts` holding `localhost` and this host's name
/// (`<hostname>.sock.test` is its fully qualified name). Tests of names that are not in the
/// hosts file (`no-such-host.invalid`, reverse lookups of 192.0.2.1) run there, so no query
/// reaches DNS.
///
/// Returns `true` in the child, which then does the test's work; in the parent it runs the
/// child, panics if the child failed, and returns `false` (the test then returns). Needs root
/// (`unshare`): elsewhere it skips through [`require`].
#[track_caller]
pub fn in_private_resolver(test_name: &str) -> bool {
    if std::env::var_os(PRIVATE_RESOLVER_ENV).is_some() {
        if let Err(e) = private_resolver_setup() {
            panic!("setting up the private resolver namespace: {e}");
        }
        return true;
    }
    if !require_root("network and mount namespaces for a private resolver (root)") {
        return false;
    }
    let exe = std::env::current_exe().expect("the test binary's path");
    let out = Command::new("unshare")
        .args(["--net", "--mount", "--propagation", "private", "--"])
        .arg(exe)
        .args(["--exact", test_name, "--test-threads=1", "--nocapture"])
        .env(PRIVATE_RESOLVER_ENV, "1")
        .output()
        .expect("run unshare (util-linux)");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{test_name} in the private resolver namespace failed:\n{text}");
    assert!(text.contains("1 passed"), "{test_name} did not run in the child:\n{text}");
    false
}

/// In the child's fresh namespaces: `lo` up, then the private resolver files bind-mounted
/// over the system's.
fn private_resolver_setup() -> io::Result<()> {
    let up = Command::new("ip").args(["link", "set", "lo", "up"]).status()?;
    if !up.success() {
        return Err(io::Error::other("ip link set lo up failed"));
    }
    let host = nix::unistd::gethostname().map_err(io::Error::from)?.to_string_lossy().into_owned();
    let dir = std::env::temp_dir().join(format!("sock-private-resolver-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let files = [
        (
            "/etc/hosts",
            format!(
                "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n127.0.1.1\t{host}.sock.test {host}\n"
            ),
        ),
        ("/etc/nsswitch.conf", "hosts: files\nnetworks: files\nprotocols: files\nservices: files\n".to_string()),
        ("/etc/resolv.conf", "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n".to_string()),
    ];
    for (target, content) in files {
        let name = target.rsplit('/').next().unwrap_or("file");
        let private = dir.join(name);
        std::fs::write(&private, content)?;
        nix::mount::mount(Some(&private), target, None::<&str>, nix::mount::MsFlags::MS_BIND, None::<&str>)
            .map_err(|e| io::Error::other(format!("bind-mount {} over {target}: {e}", private.display())))?;
    }
    Ok(())
}

/// Asserts that `result` is an error of `kind` and returns the error (for further checks, such
/// as its message). Panics with the value or the other error otherwise.
///
/// ```
/// use std::io;
/// let r: io::Result<()> = Err(io::Error::from(io::ErrorKind::InvalidInput));
/// sock_tests::assert_kind(r, io::ErrorKind::InvalidInput);
/// ```
#[track_caller]
pub fn assert_kind<T: std::fmt::Debug>(result: io::Result<T>, kind: io::ErrorKind) -> io::Error {
    match result {
        Ok(v) => panic!("expected an error of kind {kind:?}, got Ok({v:?})"),
        Err(e) => {
            assert_eq!(e.kind(), kind, "unexpected error: {e}");
            e
        }
    }
}

/// Asserts that `result` is the OS error `errno` (`libc::EINVAL`...) and returns the error.
///
/// ```
/// use std::io;
/// let r: io::Result<()> = Err(io::Error::from_raw_os_error(libc::EBUSY));
/// sock_tests::assert_errno(r, libc::EBUSY);
/// ```
#[track_caller]
pub fn assert_errno<T: std::fmt::Debug>(result: io::Result<T>, errno: i32) -> io::Error {
    match result {
        Ok(v) => panic!("expected OS error {}, got Ok({v:?})", io::Error::from_raw_os_error(errno)),
        Err(e) => {
            assert_eq!(e.raw_os_error(), Some(errno), "unexpected error: {e}");
            e
        }
    }
}

/// The syscalls in which a task waits for socket I/O (or for readiness of it).
fn io_wait_syscalls() -> Vec<libc::c_long> {
    let mut v = vec![
        libc::SYS_read,
        libc::SYS_write,
        libc::SYS_recvfrom,
        libc::SYS_recvmsg,
        libc::SYS_recvmmsg,
        libc::SYS_sendto,
        libc::SYS_sendmsg,
        libc::SYS_accept4,
        libc::SYS_connect,
        libc::SYS_ppoll,
        libc::SYS_pselect6,
        libc::SYS_epoll_pwait,
    ];
    #[cfg(target_arch = "x86_64")]
    v.extend([libc::SYS_accept, libc::SYS_poll, libc::SYS_select, libc::SYS_epoll_wait]);
    v
}

/// Whether the task `/proc/<task>` (`"1234"` for a process, `"self/task/1234"` for a thread of
/// this process) sleeps inside a syscall that waits for I/O, as `/proc/<task>/syscall` and
/// the state in `/proc/<task>/stat` report.
pub fn task_waits_for_io(task: &str) -> bool {
    let Ok(syscall) = std::fs::read_to_string(format!("/proc/{task}/syscall")) else { return false };
    // "running", or the syscall number and its arguments.
    let Some(nr) = syscall.split_whitespace().next().and_then(|n| n.parse::<libc::c_long>().ok()) else {
        return false;
    };
    if !io_wait_syscalls().contains(&nr) {
        return false;
    }
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{task}/stat")) else { return false };
    // The state follows the command name, which is in parentheses and may contain anything.
    stat.rsplit_once(')').is_some_and(|(_, rest)| rest.trim_start().starts_with('S'))
}

/// Waits until [`task_waits_for_io`] holds for `task`, for at most `timeout`; returns whether it
/// did. This is the readiness signal for a peer we cannot otherwise observe: a thread blocked
/// in `recv`, an external program (`candump`, `isotprecv`...) that has set up its socket and
/// now waits on it. It looks again every millisecond (a bounded retry on a condition the
/// kernel reports, not a guess at how long something takes).
pub fn wait_for_io_wait(task: &str, timeout: std::time::Duration) -> bool {
    let deadline = std::time::Instant::now() + timeout;
    loop {
        if task_waits_for_io(task) {
            return true;
        }
        if std::time::Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

/// Waits until `fd` is readable (`POLLIN`: data, a connection to accept, EOF), for at most
/// `timeout`; returns whether it became readable.
pub fn wait_readable(fd: impl std::os::fd::AsFd, timeout: std::time::Duration) -> bool {
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    let ms = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
    let mut fds = [PollFd::new(fd.as_fd(), PollFlags::POLLIN)];
    poll(&mut fds, PollTimeout::try_from(ms).unwrap_or(PollTimeout::MAX)).is_ok_and(|n| n > 0)
}
