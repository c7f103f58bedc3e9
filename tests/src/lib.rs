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
