//! The `sock` command: socat-style relays and can-utils-style tools over every address family
//! that the [`sock`] crate offers.
//!
//! ```text
//! sock cat - tcp:127.0.0.1:8080              # stdin/stdout <-> a TCP connection
//! sock cat tcp-listen:9000,reuseaddr,fork unix:/run/app.sock
//! sock cat can:vcan0 -                       # CAN frames as candump lines on stdout
//! sock can send vcan0 123#DEADBEEF 1F334455#R 123##1AABBCCDD
//! sock can dump vcan0,123:7FF -n 10 -t a
//! sock can gen vcan0 -g 1 -n 100 --seq       # numbered frames; `sock can check` counts them
//! echo 11 22 33 | sock can isotp send vcan0 7E0 7E8
//! sock can j1939 recv vcan0:::0x90
//! sock can bcm vcan0 123#DEADBEEF --interval 100 --count 10
//! sock cat tcp-listen:13400,fork isotp:vcan0:7E0:7E8
//! sock hash sha256 /etc/hostname             # AF_ALG, sha256sum's output
//! sock resolve localhost 80
//! sock ifaces
//! sock sniff lo --count 4
//! sock tour
//! ```
//!
//! The binary is a thin `main` around [`run`]; everything it does goes through an [`Io`]
//! (standard input, output and error, and a readiness channel), so tests drive it in-process
//! with [`Io::captured`] and learn when a listener is bound through [`Io::with_ready`].
//!
//! Exit codes: 0 on success, 1 on an error (printed to stderr as `sock: <what>: <error>`,
//! naming the endpoint, file or argument), 2 on a usage error.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::ffi::OsString;
use std::fmt;
use std::io::{self, Read, Write};
use std::sync::{mpsc, Arc, Mutex};

mod bench;
mod can;
mod cli;
mod endpoint;
mod hash;
mod ifaces;
mod interrupt;
mod json;
mod relay;
mod resolve;
mod sctp;
mod sniff;
mod stop;
mod time;
mod tour;

/// The standard streams of one run of the command, and where it reports readiness.
///
/// [`Io::std`] is the process's own; [`Io::captured`] keeps what the command writes in
/// memory, for tests.
///
/// ```
/// let (mut io, out) = sock_cli::Io::captured(&b"hello"[..]);
/// assert_eq!(sock_cli::run(["sock", "completions", "bash"], &mut io), 0);
/// assert!(out.stdout.text().contains("sock"));
/// ```
pub struct Io {
    /// Standard input (read by `cat -` and `hash` without files).
    pub stdin: Box<dyn Read + Send>,
    /// Standard output.
    pub stdout: Box<dyn Write + Send>,
    /// Standard error: error messages and `-v` summaries.
    pub stderr: Box<dyn Write + Send>,
    /// Receives one line each time the command is ready for a peer: `listening <addr>` once a
    /// listener is bound (before it accepts), `bound <what>` once a capturing socket (CAN
    /// dump, sniff) is set up, `relaying` once both ends of a relay are open.
    pub ready: Option<mpsc::Sender<String>>,
}

impl Io {
    /// The process's standard input, output and error; no readiness channel.
    ///
    /// ```no_run
    /// // What the `sock` binary's main does:
    /// let code = sock_cli::run(std::env::args_os(), &mut sock_cli::Io::std());
    /// std::process::exit(i32::from(code));
    /// ```
    pub fn std() -> Io {
        Io { stdin: Box::new(io::stdin()), stdout: Box::new(io::stdout()), stderr: Box::new(io::stderr()), ready: None }
    }

    /// An `Io` reading `stdin` and keeping stdout and stderr in memory; the returned
    /// [`Captured`] reads them (also while the command still runs).
    ///
    /// ```
    /// let (mut io, out) = sock_cli::Io::captured(std::io::empty());
    /// assert_eq!(sock_cli::run(["sock", "can", "send", "vcan0", "12#zz"], &mut io), 1);
    /// assert!(out.stderr.text().contains("12#zz"));
    /// ```
    pub fn captured(stdin: impl Read + Send + 'static) -> (Io, Captured) {
        let captured = Captured { stdout: SharedBuf::default(), stderr: SharedBuf::default() };
        let io = Io {
            stdin: Box::new(stdin),
            stdout: Box::new(captured.stdout.clone()),
            stderr: Box::new(captured.stderr.clone()),
            ready: None,
        };
        (io, captured)
    }

    /// The same `Io`, reporting readiness to `ready` (see the field).
    ///
    /// ```
    /// use std::sync::mpsc;
    /// let (tx, rx) = mpsc::channel();
    /// let (io, out) = sock_cli::Io::captured(std::io::empty());
    /// let mut io = io.with_ready(tx);
    /// let server = std::thread::spawn(move || sock_cli::run(["sock", "cat", "tcp-listen:0,bind=127.0.0.1", "-"], &mut io));
    /// let line = rx.recv().unwrap(); // `listening 127.0.0.1:<port>`, before it accepts
    /// let addr = line.strip_prefix("listening ").unwrap();
    /// let mut peer = std::net::TcpStream::connect(addr)?;
    /// std::io::Write::write_all(&mut peer, b"ping")?;
    /// drop(peer);
    /// assert_eq!(server.join().unwrap(), 0);
    /// assert_eq!(out.stdout.text(), "ping");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn with_ready(mut self, ready: mpsc::Sender<String>) -> Io {
        self.ready = Some(ready);
        self
    }

    /// Reports readiness (ignored when nobody listens).
    pub(crate) fn notify(&self, what: impl fmt::Display) {
        if let Some(tx) = &self.ready {
            let _ = tx.send(what.to_string());
        }
    }
}

/// What a command wrote to the stdout and stderr of an [`Io::captured`].
///
/// ```
/// let (mut io, out) = sock_cli::Io::captured(std::io::empty());
/// assert_eq!(sock_cli::run(["sock", "cat", "tcp:127.0.0.1:bad", "-"], &mut io), 1);
/// assert!(out.stdout.text().is_empty());
/// assert!(out.stderr.text().contains("tcp:127.0.0.1:bad"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Captured {
    /// Everything written to standard output.
    pub stdout: SharedBuf,
    /// Everything written to standard error.
    pub stderr: SharedBuf,
}

/// A growable byte buffer shared between a writer and its readers.
///
/// ```
/// use std::io::Write;
/// let buf = sock_cli::SharedBuf::default();
/// let mut writer = buf.clone();
/// writer.write_all(b"abc")?;
/// assert_eq!((buf.bytes(), buf.text()), (b"abc".to_vec(), "abc".to_string()));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct SharedBuf(Arc<Mutex<Vec<u8>>>);

impl SharedBuf {
    /// A copy of the bytes written so far.
    ///
    /// ```
    /// let buf = sock_cli::SharedBuf::default();
    /// std::io::Write::write_all(&mut buf.clone(), &[0xff, 0x00])?;
    /// assert_eq!(buf.bytes(), [0xff, 0x00]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bytes(&self) -> Vec<u8> {
        self.0.lock().map(|b| b.clone()).unwrap_or_default()
    }

    /// The bytes written so far as text (invalid UTF-8 replaced).
    ///
    /// ```
    /// let buf = sock_cli::SharedBuf::default();
    /// std::io::Write::write_all(&mut buf.clone(), b"ok \xff")?;
    /// assert_eq!(buf.text(), "ok \u{fffd}");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes()).into_owned()
    }
}

impl Write for SharedBuf {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().map_err(|_| io::Error::other("buffer lock poisoned"))?.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Runs the command line `args` (the first item is the program name, as in
/// `std::env::args_os`) with `io`; returns the exit code: 0 success, 1 error, 2 usage error.
///
/// ```
/// let (mut io, out) = sock_cli::Io::captured(std::io::empty());
/// assert_eq!(sock_cli::run(["sock", "--help"], &mut io), 0);
/// assert!(out.stdout.text().contains("cat"));
/// assert_eq!(sock_cli::run(["sock", "cat", "nonsense:1"], &mut io), 2);
/// ```
pub fn run<I, T>(args: I, io: &mut Io) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    cli::run(args, io)
}

/// An error with what it concerns in front: `tcp:127.0.0.1:9: connect 127.0.0.1:9: ...`
/// (same kind as `e`).
pub(crate) fn context(what: impl fmt::Display, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{what}: {e}"))
}

/// An `InvalidInput` error naming `what`.
pub(crate) fn invalid(what: impl fmt::Display, why: impl fmt::Display) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, format!("{what}: {why}"))
}
