//! `sock hash` (crates/sock-cli) against coreutils' `sha256sum`, `sha1sum` and `md5sum`: the
//! same lines for the same files and for standard input. Needs AF_ALG (the test VM); skips on
//! a host without it.
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Stdio};

fn have_alg() -> bool {
    sock_tests::require("AF_ALG hashes (sha256)", sock::alg::Hash::new("sha256"))
}

fn sock(args: &[&str], stdin: Vec<u8>) -> (u8, String, String) {
    let (mut io, out) = sock_cli::Io::captured(std::io::Cursor::new(stdin));
    let code = sock_cli::run(std::iter::once("sock").chain(args.iter().copied()), &mut io);
    (code, out.stdout.text(), out.stderr.text())
}

fn tool(program: &str, args: &[&str], stdin: &[u8]) -> String {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{program} {args:?} failed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn hash_lines_match_coreutils() {
    if !have_alg() || !sock_tests::require("sha256sum", sock_tests::have_program("sha256sum")) {
        return;
    }
    let dir = std::env::temp_dir().join(format!("sock-cli-hash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big: Vec<u8> = (0..300_000u32).map(|i| (i * 7 + i / 251) as u8).collect();
    let files = [("big.bin", big.clone()), ("empty", Vec::new()), ("with space.txt", b"abc\n".to_vec())];
    let mut paths = Vec::new();
    for (name, data) in &files {
        let p = dir.join(name);
        std::fs::write(&p, data).unwrap();
        paths.push(p.display().to_string());
    }
    let args: Vec<&str> = paths.iter().map(String::as_str).collect();
    for (alg, program) in [("sha256", "sha256sum"), ("sha1", "sha1sum"), ("md5", "md5sum")] {
        let ours: Vec<&str> = [&["hash", alg][..], &args].concat();
        let (code, out, err) = sock(&ours, Vec::new());
        assert_eq!(code, 0, "{alg}: {err}");
        assert_eq!(out, tool(program, &args, b""), "{alg}");
        // Standard input, named `-`.
        let (code, out, _) = sock(&["hash", alg], big.clone());
        assert_eq!(code, 0);
        assert_eq!(out, tool(program, &[], &big), "{alg} of stdin");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn unreadable_file_is_reported_and_the_rest_hashed() {
    if !have_alg() {
        return;
    }
    let (code, out, err) = sock(&["hash", "sha256", "/nonexistent/file", "-"], b"abc".to_vec());
    assert_eq!(code, 1);
    assert_eq!(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  -\n");
    assert!(err.starts_with("sock: /nonexistent/file: "), "{err}");
}

#[test]
fn unknown_algorithm_is_named() {
    if !have_alg() {
        return;
    }
    let (code, out, err) = sock(&["hash", "no-such-hash"], Vec::new());
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.starts_with("sock: hash no-such-hash: "), "{err}");
}
