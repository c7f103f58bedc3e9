//! `sock tour`, `sock bench`, `sock completions` and usage errors (crates/sock-cli), on the host.
#![cfg(feature = "cli")]

fn sock(args: &[&str]) -> (u8, String, String) {
    let (mut io, out) = sock_cli::Io::captured(std::io::empty());
    let code = sock_cli::run(std::iter::once("sock").chain(args.iter().copied()), &mut io);
    (code, out.stdout.text(), out.stderr.text())
}

#[test]
fn tour_prints_a_row_per_family() {
    let (code, out, err) = sock(&["tour"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("INET  TCP  | ok    | echo via 127.0.0.1:"), "{out}");
    assert!(out.contains("UNIX       | ok"), "{out}");
    for family in ["CAN", "ALG", "VSOCK", "TIPC", "NETLINK", "PACKET", "QIPCRTR", "BLUETOOTH"] {
        assert!(out.lines().any(|l| l.starts_with(family)), "no row for {family}: {out}");
    }
    assert!(out.trim_end().ends_with("available on this kernel."), "{out}");
}

#[test]
fn bench_moves_the_bytes_over_tcp() {
    let (code, out, err) = sock(&["bench", "--mib", "2"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("tcp       2.0 MiB in") && lines[0].contains("MiB/s"), "{out}");
    assert!(lines[1].starts_with("udp") && lines[1].ends_with("lost)"), "{out}");
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [("bash", "_sock()"), ("zsh", "#compdef sock"), ("fish", "complete -c sock")] {
        let (code, out, _) = sock(&["completions", shell]);
        assert_eq!(code, 0);
        assert!(out.contains(marker), "{shell}: {}", &out[..out.len().min(200)]);
    }
    let (code, _, err) = sock(&["completions", "cmd.exe"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn help_and_usage_errors() {
    let (code, out, _) = sock(&["--help"]);
    assert_eq!(code, 0);
    for cmd in ["cat", "can", "hash", "resolve", "ifaces", "sniff", "tour", "bench", "completions"] {
        assert!(out.contains(&format!("  {cmd} ")), "{cmd} missing from {out}");
    }
    let (code, _, err) = sock(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("unrecognized subcommand 'frobnicate'"), "{err}");
    let (code, _, err) = sock(&["can", "dump", "vcan0", "-t", "q"]);
    assert_eq!(code, 2);
    assert!(err.contains("'q'"), "{err}");
    let (code, _, err) = sock(&["can", "dump", "vcan0,12x:7FF"]);
    assert_eq!(code, 1);
    assert!(err.starts_with("sock: filter \"12x:7FF\": "), "{err}");
}
