//! `sock hash ALG [FILE]...`: digests computed by the kernel (AF_ALG), printed as `sha256sum`
//! prints them.

use std::fs::File;
use std::io::{self, Read, Write};

use clap::Args;
use sock::alg::Hash;

use crate::{context, Io};

pub(crate) const EXAMPLES: &str = "\
The output is sha256sum's ('<hex>  <name>', '-' for standard input), for any kernel hash:
sha1, sha224, sha256, sha384, sha512, md5, sha3-256, crc32c, ...

Examples:
  sock hash sha256 /etc/hostname
  echo -n abc | sock hash sha256
  sock hash md5 a.bin b.bin";

/// Arguments of `sock hash`.
#[derive(Args, Debug)]
pub(crate) struct HashArgs {
    /// The kernel's name of the hash (sha256, sha1, md5, crc32c ...).
    alg: String,
    /// The files to hash; none or `-` for standard input.
    files: Vec<String>,
}

/// Adds everything `r` yields to `h`.
fn feed(h: &mut Hash, r: &mut dyn Read) -> io::Result<()> {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match r.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => h.update(&buf[..n])?,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// sha256sum's line: names with a backslash or newline are escaped, and the line starts
/// with a backslash then.
pub(crate) fn line(hex: &str, name: &str) -> String {
    if name.contains(['\\', '\n']) {
        format!("\\{hex}  {}", name.replace('\\', "\\\\").replace('\n', "\\n"))
    } else {
        format!("{hex}  {name}")
    }
}

/// Hashes every file; a file that cannot be read is reported and skipped (exit code 1 at the
/// end), as sha256sum does.
pub(crate) fn run(args: HashArgs, io: &mut Io) -> io::Result<()> {
    let mut h = Hash::new(&args.alg).map_err(|e| context(format!("hash {}", args.alg), e))?;
    let files = if args.files.is_empty() { vec!["-".to_string()] } else { args.files };
    let mut failed = 0;
    for name in &files {
        let result = if name == "-" {
            feed(&mut h, &mut io.stdin)
        } else {
            File::open(name).and_then(|mut f| {
                if f.metadata()?.is_file() {
                    h.update_file(&f, 0, None).map(drop)
                } else {
                    feed(&mut h, &mut f)
                }
            })
        };
        match result.and_then(|()| h.finalize()) {
            Ok(digest) => writeln!(io.stdout, "{}", line(&digest.to_string(), name))?,
            Err(e) => {
                failed += 1;
                writeln!(io.stderr, "sock: {name}: {e}")?;
                // A fresh hash: the failed one may hold part of the file.
                h = Hash::new(&args.alg).map_err(|e| context(format!("hash {}", args.alg), e))?;
            }
        }
    }
    if failed > 0 {
        return Err(io::Error::other(format!("hash: {failed} of {} file(s) could not be read", files.len())));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn sha256sum_lines() {
        assert_eq!(super::line("ab", "f"), "ab  f");
        assert_eq!(super::line("ab", "a\\b\nc"), "\\ab  a\\\\b\\nc");
    }
}
