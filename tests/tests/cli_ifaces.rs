//! `sock ifaces` (crates/sock-cli) against `ip -br addr` on the host: the same interfaces in
//! the same order, with the same states and addresses (column spacing aside).
#![cfg(feature = "cli")]

use std::process::Command;

/// `(name without @peer, state, addresses)` of each line.
fn rows(text: &str) -> Vec<(String, String, Vec<String>)> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut w = l.split_whitespace();
            let name = w.next().unwrap_or_default();
            let name = name.split('@').next().unwrap_or_default().to_string();
            let state = w.next().unwrap_or_default().to_string();
            (name, state, w.map(String::from).collect())
        })
        .collect()
}

fn ip_br_addr() -> Option<String> {
    let out = Command::new("ip").args(["-br", "addr"]).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn ifaces_match_ip_br_addr() {
    if !sock_tests::require("iproute2's ip", ip_br_addr().ok_or("`ip -br addr` failed")) {
        return;
    }
    // Interfaces may come and go while other tests run: compare what `ip` showed the same
    // way before and after our dump.
    let before = rows(&ip_br_addr().unwrap());
    let (mut io, out) = sock_cli::Io::captured(std::io::empty());
    assert_eq!(sock_cli::run(["sock", "ifaces"], &mut io), 0, "{}", out.stderr.text());
    let after = rows(&ip_br_addr().unwrap());
    let ours = rows(&out.stdout.text());
    let stable: Vec<_> = before.iter().filter(|r| after.contains(r)).collect();
    assert!(stable.iter().any(|r| r.0 == "lo"), "lo is always there: {before:?}");
    for row in &stable {
        assert!(ours.contains(row), "ip shows {row:?}; we show {ours:?}");
    }
    let lo = ours.iter().find(|r| r.0 == "lo").unwrap();
    assert!(lo.2.contains(&"127.0.0.1/8".to_string()), "{lo:?}");
}

#[test]
fn ifaces_json() {
    let (mut io, out) = sock_cli::Io::captured(std::io::empty());
    assert_eq!(sock_cli::run(["sock", "ifaces", "--json"], &mut io), 0, "{}", out.stderr.text());
    let text = out.stdout.text();
    assert!(text.starts_with("[{\"index\":"), "{text}");
    assert!(text.contains("\"name\":\"lo\"") && text.contains("\"127.0.0.1/8\""), "{text}");
    assert!(text.trim_end().ends_with("}]"), "{text}");
}
