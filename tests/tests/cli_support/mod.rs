//! The harness of the `sock` command's tests (`cli_*.rs`): the command runs in a thread of the
//! test process ([`sock_cli::run`]) with captured or channel-fed standard streams, and reports
//! readiness (`bound ...`, `listening ...`, `relaying`) through a channel, so a test never
//! sleeps to wait for it. Also socat helpers for the relays' peers.

#![allow(dead_code)]

use std::io::{self, Read, Write};
use std::net::Ipv4Addr;
use std::process::{Child, ChildStderr, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use sock::{Family, Socket, Type};
use sock_cli::{Captured, Io};

/// How long a test waits for something that should happen (generous: the VM's CPU is emulated).
pub const WAIT: Duration = Duration::from_secs(30);

/// `sock ARGS...` running in a thread of this process, its output captured.
pub struct Running {
    /// Standard output and error, as far as written.
    pub out: Captured,
    /// Readiness messages.
    pub ready: Receiver<String>,
    /// The exit code, once it ends.
    pub done: Receiver<u8>,
}

/// Runs `sock ARGS...` with `stdin` as its standard input.
pub fn start(args: &[&str], stdin: impl Read + Send + 'static) -> Running {
    let (io, out) = Io::captured(stdin);
    let (ready, done) = spawn(args, io);
    Running { out, ready, done }
}

/// Runs `sock ARGS...` on `io` (its `ready` is replaced); returns the readiness and exit-code
/// channels.
fn spawn(args: &[&str], io: Io) -> (Receiver<String>, Receiver<u8>) {
    let args: Vec<String> = std::iter::once("sock").chain(args.iter().copied()).map(String::from).collect();
    let (ready_tx, ready) = mpsc::channel();
    let (done_tx, done) = mpsc::channel();
    let mut io = io.with_ready(ready_tx);
    thread::spawn(move || {
        let _ = done_tx.send(sock_cli::run(args, &mut io));
    });
    (ready, done)
}

impl Running {
    /// Waits for the first readiness message that starts with one of `prefixes`; returns it.
    pub fn ready_one_of(&self, prefixes: &[&str]) -> String {
        loop {
            let msg = self
                .ready
                .recv_timeout(WAIT)
                .unwrap_or_else(|_| panic!("sock never reported {prefixes:?}; stderr: {}", self.out.stderr.text()));
            if prefixes.iter().any(|p| msg.starts_with(p)) {
                return msg;
            }
        }
    }

    /// Waits for the first readiness message that starts with `prefix` (e.g. `listening`).
    pub fn ready(&self, prefix: &str) -> String {
        self.ready_one_of(&[prefix])
    }

    /// The port of the `listening <addr>` message.
    pub fn port(&self) -> u16 {
        let msg = self.ready("listening");
        msg.rsplit(':').next().and_then(|p| p.parse().ok()).unwrap_or_else(|| panic!("no port in {msg:?}"))
    }

    /// Waits for the exit code.
    pub fn finish(self) -> (u8, Captured) {
        let code = self.done.recv_timeout(WAIT).unwrap_or_else(|_| {
            panic!("sock did not finish; stdout {:?} stderr {:?}", self.out.stdout.text(), self.out.stderr.text())
        });
        (code, self.out)
    }
}

/// `sock ARGS...` with standard input fed through a channel (no end of file until
/// [`Streaming::finish`]) and each write to standard output arriving on a channel as it
/// happens; standard error is discarded.
pub struct Streaming {
    /// Feeds standard input.
    pub stdin: Sender<Vec<u8>>,
    /// What the command writes to standard output, one write per message.
    pub stdout: Receiver<Vec<u8>>,
    ready: Receiver<String>,
    done: Receiver<u8>,
}

/// Runs `sock ARGS...` as a [`Streaming`] command.
pub fn start_streaming(args: &[&str]) -> Streaming {
    let (stdin, reader) = chan_reader();
    let (stdout_tx, stdout) = mpsc::channel();
    let io = Io {
        stdin: Box::new(reader),
        stdout: Box::new(ChanWriter(stdout_tx)),
        stderr: Box::new(io::sink()),
        ready: None,
    };
    let (ready, done) = spawn(args, io);
    Streaming { stdin, stdout, ready, done }
}

impl Streaming {
    /// The first readiness message.
    pub fn ready(&self) -> String {
        self.ready.recv_timeout(WAIT).expect("a readiness message")
    }

    /// Ends standard input and waits for the exit code.
    pub fn finish(self) -> u8 {
        drop(self.stdin);
        self.done.recv_timeout(WAIT).expect("sock finished")
    }
}

/// A reader fed through a channel: each message is read in full, over as many reads as it
/// takes; a closed channel is end of file.
pub fn chan_reader() -> (Sender<Vec<u8>>, ChanReader) {
    let (tx, rx) = mpsc::channel();
    (tx, ChanReader { rx, pending: Vec::new() })
}

/// See [`chan_reader`].
pub struct ChanReader {
    rx: Receiver<Vec<u8>>,
    pending: Vec<u8>,
}

impl Read for ChanReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pending.is_empty() {
            match self.rx.recv() {
                Ok(data) => self.pending = data,
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.pending.len());
        buf[..n].copy_from_slice(&self.pending[..n]);
        self.pending.drain(..n);
        Ok(n)
    }
}

/// A writer that sends each write through a channel.
pub struct ChanWriter(pub Sender<Vec<u8>>);

impl Write for ChanWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.send(buf.to_vec()).map_err(|_| io::Error::from(io::ErrorKind::BrokenPipe))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Bytes that are not all alike (to catch reordering or loss), `len` of them.
pub fn payload(len: usize, seed: u32) -> Vec<u8> {
    let mut x = seed.wrapping_mul(2_654_435_761).max(1);
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

/// Whether socat is here (else the test is skipped, or fails under `SOCK_REQUIRE_ALL`).
pub fn have_socat() -> bool {
    sock_tests::require("socat", sock_tests::have_program("socat"))
}

/// socat with `args` under `timeout` (so a stuck relay fails the test instead of hanging it),
/// stdin and stdout piped, stderr piped for `-d -d` readiness lines.
pub fn socat(args: &[&str]) -> Child {
    Command::new("timeout")
        .arg("30")
        .arg("socat")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run socat")
}

/// Feeds `data` to the child's stdin and closes it; returns what the child printed, its exit
/// status and its standard error.
pub fn converse(mut child: Child, data: Vec<u8>) -> (Vec<u8>, ExitStatus, String) {
    let mut stdin = child.stdin.take().unwrap();
    let writer = thread::spawn(move || {
        let _ = stdin.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (out.stdout, out.status, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Waits until socat (`-d -d`) or tcpdump says it listens; returns its stderr for later.
pub fn wait_listening(child: &mut Child) -> ChildStderr {
    let mut stderr = child.stderr.take().unwrap();
    let mut seen = Vec::new();
    let mut byte = [0u8; 1];
    while !String::from_utf8_lossy(&seen).contains("listening on") {
        match stderr.read(&mut byte) {
            Ok(1) => seen.push(byte[0]),
            _ => panic!("the peer ended before listening: {}", String::from_utf8_lossy(&seen)),
        }
    }
    stderr
}

/// A port on 127.0.0.1 of `ty` and `protocol` that nothing uses right now (bound, then
/// closed).
pub fn free_port(ty: Type, protocol: Option<i32>) -> u16 {
    let s = Socket::new(Family::INET, ty, protocol.map(sock::Protocol)).unwrap();
    s.bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    s.local_addr().unwrap().as_socket().unwrap().port()
}
