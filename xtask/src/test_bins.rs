//! Building the integration test binaries of the `sock-tests` package.
//!
//! They are discovered, never listed: cargo builds one binary per `tests/tests/*.rs`, and its
//! JSON messages name each executable. The files on disk are compared with what cargo built so
//! a test file can never be left out silently.

use crate::cmd::{self, Result};
use crate::json::Json;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The package holding the integration tests.
pub const PACKAGE: &str = "sock-tests";

/// A built test binary.
#[derive(Debug, Clone, PartialEq)]
pub struct TestBinary {
    /// The target name (file stem of `tests/tests/<name>.rs`).
    pub name: String,
    /// The executable.
    pub path: PathBuf,
}

/// Cargo features to build the tests with.
#[derive(Debug, Clone, PartialEq)]
pub enum Features {
    /// `--all-features` (every family).
    All,
    /// `--no-default-features --features <list>`.
    Only(String),
}

/// Builds the test binaries (dev profile) and returns them sorted by name.
pub fn build(root: &Path, features: &Features) -> Result<Vec<TestBinary>> {
    let mut c = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    c.current_dir(root).args([
        "test",
        "--package",
        PACKAGE,
        "--tests",
        "--no-run",
        "--message-format=json-render-diagnostics",
    ]);
    match features {
        Features::All => c.arg("--all-features"),
        Features::Only(list) => c.args(["--no-default-features", "--features", list]),
    };
    println!("$ {}", cmd::show(&c));
    let mut child =
        c.stdout(Stdio::piped()).stdin(Stdio::null()).spawn().map_err(|e| format!("cannot run cargo: {e}"))?;
    let mut found = Vec::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(|l| l.ok()) {
            found.extend(artifact(&line));
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("building the integration tests failed ({status})"));
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found.dedup_by(|a, b| a.name == b.name);
    Ok(found)
}

/// The test binary a cargo JSON message announces, if it announces one of [`PACKAGE`].
pub fn artifact(line: &str) -> Option<TestBinary> {
    let v = Json::parse(line)?;
    if v.get("reason")?.as_str()? != "compiler-artifact" {
        return None;
    }
    let package = v.get("package_id")?.as_str()?;
    if !(package.contains(&format!("#{PACKAGE}@"))
        || package.contains(&format!("/{PACKAGE}#"))
        || package.contains(&format!("{PACKAGE} ")))
    {
        return None;
    }
    let target = v.get("target")?;
    if !target.get("kind")?.as_array()?.iter().any(|k| k.as_str() == Some("test")) {
        return None;
    }
    Some(TestBinary {
        name: target.get("name")?.as_str()?.to_string(),
        path: PathBuf::from(v.get("executable")?.as_str()?),
    })
}

/// The integration test files: the stems of `<tests dir>/tests/*.rs` (and of
/// `tests/<dir>/main.rs`, which cargo also builds as one binary).
pub fn test_files(tests_dir: &Path) -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(tests_dir.join("tests")) else { return Vec::new() };
    let mut names: Vec<String> = dir
        .filter_map(|e| {
            let p = e.ok()?.path();
            if p.extension().is_some_and(|x| x == "rs") {
                p.file_stem()?.to_str().map(str::to_string)
            } else if p.join("main.rs").is_file() {
                p.file_name()?.to_str().map(str::to_string)
            } else {
                None
            }
        })
        .collect();
    names.sort();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_test_artifacts_of_the_tests_package_only() {
        let test = r#"{"reason":"compiler-artifact","package_id":"path+file:///w/tests#sock-tests@0.1.0","target":{"kind":["test"],"name":"can"},"executable":"/w/target/debug/deps/can-1"}"#;
        assert_eq!(artifact(test), Some(TestBinary { name: "can".into(), path: "/w/target/debug/deps/can-1".into() }));
        let lib = test.replace(r#"["test"]"#, r#"["lib"]"#);
        assert_eq!(artifact(&lib), None);
        let other = test.replace("#sock-tests@", "#sock-can@");
        assert_eq!(artifact(&other), None);
        let old_style =
            test.replace("path+file:///w/tests#sock-tests@0.1.0", "sock-tests 0.1.0 (path+file:///w/tests)");
        assert!(artifact(&old_style).is_some());
        assert_eq!(artifact(r#"{"reason":"build-finished","success":true}"#), None);
        assert_eq!(artifact("not json"), None);
    }

    #[test]
    fn lists_test_files() {
        let dir = std::env::temp_dir().join(format!("xtask-test-files-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("tests/multi")).unwrap();
        std::fs::write(dir.join("tests/can.rs"), "").unwrap();
        std::fs::write(dir.join("tests/alg.rs"), "").unwrap();
        std::fs::write(dir.join("tests/notes.md"), "").unwrap();
        std::fs::write(dir.join("tests/multi/main.rs"), "").unwrap();
        assert_eq!(test_files(&dir), ["alg", "can", "multi"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
