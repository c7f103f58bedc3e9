//! `sock resolve` (crates/sock-cli) against `getent` inside a private resolver namespace (only
//! `lo` and a private hosts file: no query leaves the machine). Needs root (the namespace); it
//! skips elsewhere.
#![cfg(feature = "cli")]

use std::process::Command;

/// Runs the command in-process; returns its exit code, stdout and stderr.
fn sock(args: &[&str]) -> (u8, String, String) {
    let (mut io, out) = sock_cli::Io::captured(std::io::empty());
    let code = sock_cli::run(std::iter::once("sock").chain(args.iter().copied()), &mut io);
    (code, out.stdout.text(), out.stderr.text())
}

fn getent(args: &[&str]) -> String {
    let out = Command::new("getent").args(args).output().expect("run getent");
    assert!(out.status.success(), "getent {args:?} failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `(address, TYPE)` of each line of `getent ahosts` (the type is blank after the first line
/// of an address in some versions: it is STREAM, DGRAM, RAW in that order then).
fn getent_pairs(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            Some((w.next()?.to_string(), w.next()?.to_uppercase()))
        })
        .collect()
}

/// `(address, TYPE)` of each row of our table (after the header).
fn our_pairs(text: &str) -> Vec<(String, String)> {
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            Some((w.get(3)?.to_string(), w.get(1)?.to_uppercase()))
        })
        .collect()
}

#[test]
fn resolve_matches_getent_ahosts() {
    if !sock_tests::in_private_resolver("resolve_matches_getent_ahosts") {
        return;
    }
    let host = nix::unistd::gethostname().unwrap().to_string_lossy().into_owned();
    for name in ["localhost", host.as_str(), &format!("{host}.sock.test")] {
        let (code, out, err) = sock(&["resolve", name]);
        assert_eq!(code, 0, "{name}: {err}");
        let ours = our_pairs(&out);
        assert!(!ours.is_empty(), "{name}: no addresses in {out:?}");
        assert_eq!(ours, getent_pairs(&getent(&["ahosts", name])), "{name}: ours {out}");
    }
    // With a port, each address carries it.
    let (code, out, _) = sock(&["resolve", "localhost", "80"]);
    assert_eq!(code, 0);
    assert!(our_pairs(&out).iter().all(|(a, _)| a.ends_with(":80")), "{out}");
    // JSON for scripts.
    let (code, out, _) = sock(&["resolve", "localhost", "--json"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("{\"name\":\"localhost\",\"canonname\":\"localhost\",\"addresses\":[{\"family\":"),
        "{out}"
    );
}

#[test]
fn reverse_matches_getent_hosts() {
    if !sock_tests::in_private_resolver("reverse_matches_getent_hosts") {
        return;
    }
    let (code, out, err) = sock(&["resolve", "--reverse", "127.0.0.1"]);
    assert_eq!(code, 0, "{err}");
    let first_name = getent(&["hosts", "127.0.0.1"]).split_whitespace().nth(1).unwrap().to_string();
    assert_eq!(out.trim(), first_name);
    // The service column is the services database's name of port 80/tcp (or the number).
    let service = Command::new("getent")
        .args(["services", "80/tcp"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8_lossy(&o.stdout).split_whitespace().next().map(String::from))
        .unwrap_or_else(|| "80".into());
    let (code, out, _) = sock(&["resolve", "--reverse", "127.0.0.1", "80"]);
    assert_eq!((code, out.trim()), (0, format!("{first_name} {service}").as_str()));
}

#[test]
fn unknown_name_fails_naming_it() {
    if !sock_tests::in_private_resolver("unknown_name_fails_naming_it") {
        return;
    }
    let (code, out, err) = sock(&["resolve", "no-such-host.invalid"]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert!(err.starts_with("sock: ") && err.contains("no-such-host.invalid: "), "{err}");
}

#[test]
fn reverse_needs_an_address() {
    let (code, _, err) = sock(&["resolve", "--reverse", "localhost"]);
    assert_eq!(code, 1);
    assert!(err.contains("address \"localhost\""), "{err}");
}
