//! Shared probes and helpers of the CAN integration tests (`can*.rs`). Each test calls a probe
//! first: on the host (no CAN) it prints `SOCK-SKIP:` and returns; in the VM
//! (`SOCK_REQUIRE_ALL=1`) a missing feature fails the test.

#![allow(dead_code)]

use std::io;
use std::process::Command;
use std::time::Duration;

use sock_can::{CanFilter, CanId, CanSocket};

/// The interface every test uses (the xtask creates it with mtu 72).
pub const IF: &str = "vcan0";
/// The second interface (mtu 72), for tests that need two buses.
pub const IF2: &str = "vcan1";
/// How long a test waits for something that should arrive (generous: TCG is slow).
pub const WAIT: Duration = Duration::from_secs(5);

/// Probes `CAN_RAW` sockets (the `can-raw` module).
pub fn have_can() -> bool {
    sock_tests::require("AF_CAN CAN_RAW sockets", CanSocket::new())
}

/// Probes `CAN_RAW` on `iface`.
pub fn have_iface(iface: &str) -> bool {
    have_can() && sock_tests::require(&format!("CAN interface {iface}"), CanSocket::bound((iface,)))
}

/// Probes that `iface` takes CAN FD frames (mtu 72).
pub fn have_fd(iface: &str) -> bool {
    let mtu = std::fs::read_to_string(format!("/sys/class/net/{iface}/mtu"))
        .map_err(|e| e.to_string())
        .and_then(|m| m.trim().parse::<usize>().map_err(|e| e.to_string()))
        .and_then(|m| if m >= 72 { Ok(m) } else { Err(format!("mtu {m} < 72")) });
    have_iface(iface) && sock_tests::require(&format!("CAN FD on {iface}"), mtu)
}

/// A raw socket on `iface` that only sees `ids` (exact matches), with a receive timeout.
pub fn raw_for(iface: &str, ids: &[u32]) -> CanSocket {
    // Filters before the bind: no frame of a test running in parallel slips in between.
    let s = CanSocket::new().expect("open CAN_RAW");
    let filters: Vec<CanFilter> = ids.iter().map(|&id| CanFilter::exact(CanId::new(id).unwrap())).collect();
    s.set_filters(&filters).expect("set filters");
    s.bind((iface,)).expect("bind CAN_RAW");
    s.as_ref().set_timeout(Some(WAIT)).expect("timeout");
    s
}

/// Runs a program and checks that it could be started.
pub fn have_program(name: &str) -> bool {
    sock_tests::require(&format!("program {name}"), which(name))
}

fn which(name: &str) -> io::Result<()> {
    let path = std::env::var("PATH").unwrap_or_default();
    if path.split(':').any(|d| std::path::Path::new(d).join(name).is_file()) {
        Ok(())
    } else {
        Err(io::Error::new(io::ErrorKind::NotFound, format!("`{name}` not on PATH")))
    }
}

/// Creates a vcan interface with `mtu` if it does not exist (root only; used for CAN XL).
pub fn ensure_vcan(name: &str, mtu: usize) -> io::Result<()> {
    if std::path::Path::new(&format!("/sys/class/net/{name}")).exists() {
        return Ok(());
    }
    if !sock_tests::is_root() {
        return Err(io::Error::new(io::ErrorKind::PermissionDenied, "creating a vcan needs root"));
    }
    let run = |args: &[&str]| -> io::Result<()> {
        let out = Command::new("ip").args(args).output()?;
        if out.status.success() {
            Ok(())
        } else {
            Err(io::Error::other(format!("ip {args:?}: {}", String::from_utf8_lossy(&out.stderr))))
        }
    };
    run(&["link", "add", "dev", name, "type", "vcan"])?;
    run(&["link", "set", "dev", name, "mtu", &mtu.to_string(), "up"])
}
