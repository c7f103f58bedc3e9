//! `sock cat A B`: a bidirectional relay in socat's spirit, one thread per direction.
//!
//! Each direction reads its source (waiting in `poll` on the socket and the relay's stop
//! signal) and writes what it read to the other side. End of file on a stream source shuts
//! down the write side of the other endpoint (half-close), and the relay goes on until the
//! other direction ends too. Sources that never see end of file (standard input of a
//! terminal, datagram, CAN and packet sockets) get a short linger once the other direction has
//! ended (0.5 s, socat's `-t`; `-t SECS` sets it for every direction), then the relay stops.

use std::io::{self, IoSliceMut, Read, Write};
use std::os::fd::AsFd;
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use clap::Args;
use sock::can::{CanSocket, Frame};
use sock::packet::PacketSocket;
use sock::{MsgFlags, Shutdown, Socket};

use crate::can::text::{long, parse_line, View};
use crate::endpoint::{open, open_conn, Conn, Kind, Opened, Spec, FORMS};
use crate::sctp;
use crate::stop::{Stop, Woke};
use crate::{context, invalid, Io};

pub(crate) const EXAMPLES: &str = "\
Endpoints: -, tcp:HOST:PORT, tcp-listen:PORT, udp:HOST:PORT, udp-listen:PORT, unix:PATH,
  unix-listen:PATH, abstract:NAME, abstract-listen:NAME, unix-dgram:PATH, vsock:CID:PORT,
  vsock-listen:PORT, can:IFACE (frames as candump lines out, cansend syntax or candump lines
  in), packet:IFACE (read-only capture, one hex line per frame), isotp:IFACE:TX:RX (one
  ISO-TP message per read/write; hex ids in isotpsend's order: -s TX, -d RX),
  j1939:IFACE:NAME:PGN:ADDR (bound to this local address, empty fields for none; sends go to
  to=[PGN:]ADDR, else broadcast), tipc:TYPE:INSTANCE, tipc-listen:TYPE:INSTANCE (a TIPC
  service, stream), sctp:HOST:PORT, sctp-listen:PORT (needs the sctp module)
Options after a comma: reuseaddr, bind=ADDR, rcvbuf=N, sndbuf=N, fork (listeners: a thread
  per connection), to=[PGN:]ADDR (j1939)

Examples:
  sock cat - tcp:127.0.0.1:8080
  sock cat tcp-listen:9000,reuseaddr,fork unix:/run/app.sock
  sock cat udp-listen:5353 -
  sock cat can:vcan0 tcp:127.0.0.1:9000
  sock cat tcp-listen:13400,fork isotp:vcan0:7E0:7E8     # a TCP gateway to an ECU
  sock cat - j1939:vcan0:::0x80,to=0x12300:0x90
  sock cat tipc-listen:1000:1,fork tcp:127.0.0.1:80
  sock cat -v abstract:my-service -    (-v: a summary on stderr)";

/// Arguments of `sock cat`.
#[derive(Args, Debug)]
pub(crate) struct CatArgs {
    /// The first endpoint.
    a: String,
    /// The second endpoint.
    b: String,
    /// Print the endpoints once open and a summary at the end (bytes each way, time, rate) on
    /// stderr.
    #[arg(short = 'v', long)]
    verbose: bool,
    /// Relay only from the first endpoint to the second.
    #[arg(short = 'u', long)]
    unidirectional: bool,
    /// Once one direction has ended, wait at most SECS for the other.
    #[arg(short = 't', value_name = "SECS")]
    linger: Option<f64>,
}

/// Where a direction reads.
enum Source {
    Stdin(Box<dyn Read + Send>),
    Sock {
        sock: Arc<Socket>,
        dgram: bool,
    },
    /// An SCTP stream: read with `recvmsg` to tell data from the notification that ends the
    /// association (see [`crate::sctp`]).
    Sctp(Arc<Socket>),
    Can(Arc<CanSocket>, String),
    Packet(Arc<PacketSocket>),
}

/// Where a direction writes.
enum Sink {
    Stdout(Box<dyn Write + Send>),
    Sock { sock: Arc<Socket>, dgram: bool },
    Can { sock: Arc<CanSocket>, partial: Vec<u8> },
    Packet,
}

/// What one read gave.
enum Got {
    Data(usize),
    Eof,
    Stopped,
}

/// The largest capture of `packet:` (its hex line fills the 64 KiB buffer).
const SNAPLEN: usize = 32 * 1024 - 1;
const BUF: usize = 64 * 1024;

impl Source {
    /// Whether this source can end by itself (end of file on a stream).
    fn ends(&self) -> bool {
        matches!(self, Source::Sock { dgram: false, .. } | Source::Sctp(_))
    }

    fn next(&mut self, stop: &Stop, buf: &mut [u8], scratch: &mut [u8]) -> io::Result<Got> {
        match self {
            Source::Stdin(r) => loop {
                match r.read(buf) {
                    Ok(0) => return Ok(Got::Eof),
                    Ok(n) => return Ok(Got::Data(n)),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(context("read", e)),
                }
            },
            Source::Sock { sock, dgram } => loop {
                if stop.wait(sock.as_fd(), None)? == Woke::Stopped {
                    return Ok(Got::Stopped);
                }
                match sock.recv_with_flags(buf, MsgFlags::DONTWAIT) {
                    Ok(0) if !*dgram => return Ok(Got::Eof),
                    Ok(0) => continue,
                    Ok(n) => return Ok(Got::Data(n)),
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
                    // TIPC has no half-close: a peer's close reaches a reader as ECONNRESET
                    // (seen on Debian's 6.12 in the VM), which is this stream's end of file.
                    Err(e)
                        if e.raw_os_error() == Some(nix::libc::ECONNRESET) && sock.family() == sock::Family::TIPC =>
                    {
                        return Ok(Got::Eof)
                    }
                    Err(e) => return Err(context("recv", e)),
                }
            },
            Source::Sctp(sock) => loop {
                if stop.wait(sock.as_fd(), None)? == Woke::Stopped {
                    return Ok(Got::Stopped);
                }
                match sock.recv_msg_addr(&mut [IoSliceMut::new(buf)], &mut [], MsgFlags::DONTWAIT, None) {
                    Ok(m) if m.flags.bits() & sctp::MSG_NOTIFICATION != 0 => {
                        if sctp::ends_association(&buf[..m.bytes]) {
                            return Ok(Got::Eof);
                        }
                    }
                    Ok(m) if m.bytes == 0 => return Ok(Got::Eof),
                    Ok(m) => return Ok(Got::Data(m.bytes)),
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
                    Err(e) if sock::errno(&e) == Some(nix::libc::ENOTCONN) => return Ok(Got::Eof),
                    Err(e) => return Err(context("recv", e)),
                }
            },
            Source::Can(sock, iface) => loop {
                if stop.wait(sock.as_fd(), None)? == Woke::Stopped {
                    return Ok(Got::Stopped);
                }
                let frame: Frame = sock.read_frame()?;
                let Some(v) = View::of(&frame) else { continue };
                let line = format!("{iface}  {}\n", long(&v, false));
                buf[..line.len()].copy_from_slice(line.as_bytes());
                return Ok(Got::Data(line.len()));
            },
            Source::Packet(sock) => {
                if stop.wait(sock.as_fd(), None)? == Woke::Stopped {
                    return Ok(Got::Stopped);
                }
                let (n, _from) = sock.recv_from(&mut scratch[..SNAPLEN])?;
                let mut at = 0;
                for b in &scratch[..n] {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    buf[at] = HEX[usize::from(b >> 4)];
                    buf[at + 1] = HEX[usize::from(b & 15)];
                    at += 2;
                }
                buf[at] = b'\n';
                Ok(Got::Data(at + 1))
            }
        }
    }
}

impl Sink {
    fn put(&mut self, data: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => {
                w.write_all(data)?;
                w.flush()
            }
            Sink::Sock { sock, dgram: false } => sock.send_all(data).map_err(|e| context("send", e)),
            Sink::Sock { sock, dgram: true } => sock.send(data).map(drop).map_err(|e| context("send", e)),
            Sink::Can { sock, partial } => {
                partial.extend_from_slice(data);
                while let Some(end) = partial.iter().position(|&b| b == b'\n') {
                    let line: Vec<u8> = partial.drain(..=end).collect();
                    send_line(sock, &line)?;
                }
                Ok(())
            }
            Sink::Packet => Err(io::Error::new(io::ErrorKind::Unsupported, "packet endpoints are read-only")),
        }
    }

    /// The source ended: half-close a stream, flush what is pending.
    fn finish(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::Sock { sock, dgram: false } => match sock.shutdown(Shutdown::Write) {
                Err(e) if sock::errno(&e) == Some(nix::libc::ENOTCONN) => Ok(()),
                // TIPC has no half-close (only SHUT_RDWR): the peer sees the end when the
                // other direction ends too.
                Err(e) if sock::errno(&e) == Some(nix::libc::EINVAL) => Ok(()),
                other => other,
            },
            Sink::Can { sock, partial } => {
                let line = std::mem::take(partial);
                send_line(sock, &line)
            }
            _ => Ok(()),
        }
    }
}

fn send_line(sock: &CanSocket, line: &[u8]) -> io::Result<()> {
    let text = std::str::from_utf8(line).map_err(|_| invalid("input line", "not UTF-8"))?;
    match parse_line(text)? {
        Some(frame) => sock.write_frame(&frame).map_err(|e| context(format!("send {}", text.trim()), e)),
        None => Ok(()),
    }
}

/// Splits an open endpoint into its source and sink (standard streams are taken from `io`).
fn split(conn: Conn, io: &mut Io) -> (Source, Sink) {
    match conn {
        Conn::Stdio => (
            Source::Stdin(std::mem::replace(&mut io.stdin, Box::new(io::empty()))),
            Sink::Stdout(std::mem::replace(&mut io.stdout, Box::new(io::sink()))),
        ),
        // `open` subscribed SCTP streams to association changes (crate::sctp).
        Conn::Stream(s) if sctp::is_sctp(&s) => (Source::Sctp(s.clone()), Sink::Sock { sock: s, dgram: false }),
        Conn::Stream(s) => (Source::Sock { sock: s.clone(), dgram: false }, Sink::Sock { sock: s, dgram: false }),
        Conn::Dgram(s) => (Source::Sock { sock: s.clone(), dgram: true }, Sink::Sock { sock: s, dgram: true }),
        Conn::Can(s, iface) => (Source::Can(s.clone(), iface), Sink::Can { sock: s, partial: Vec::new() }),
        Conn::Packet(s) => (Source::Packet(s), Sink::Packet),
    }
}

/// One direction's end: its result (bytes moved) and its halves, given back.
struct Done {
    dir: usize,
    result: io::Result<u64>,
}

type Halves = (Source, Sink);

/// Copies `src` to `sink` until end of file, the stop signal, or an error (named after the
/// endpoint it happened on).
fn copy(mut src: Source, mut sink: Sink, stop: &Stop, names: (&str, &str)) -> (io::Result<u64>, Halves) {
    let mut buf = vec![0u8; BUF];
    let mut scratch = if matches!(src, Source::Packet(_)) { vec![0u8; SNAPLEN] } else { Vec::new() };
    let mut total = 0u64;
    let result = loop {
        match src.next(stop, &mut buf, &mut scratch) {
            Ok(Got::Data(n)) => {
                if let Err(e) = sink.put(&buf[..n]) {
                    break Err(context(names.1, e));
                }
                total += n as u64;
            }
            Ok(Got::Eof) => break sink.finish().map(|()| total).map_err(|e| context(names.1, e)),
            Ok(Got::Stopped) => break Ok(total),
            Err(e) => break Err(context(names.0, e)),
        }
    };
    (result, (src, sink))
}

/// Relays between two open endpoints until both directions end (see the module docs).
fn relay(a: (Conn, &str), b: (Conn, &str), io: &mut Io, args: &CatArgs) -> io::Result<()> {
    let start = Instant::now();
    let stop = Arc::new(Stop::new()?);
    let (src_a, sink_a) = split(a.0, io);
    let (src_b, sink_b) = split(b.0, io);
    let names = [a.1.to_string(), b.1.to_string()];
    let (tx, rx) = mpsc::channel::<Done>();
    let mut jobs: Vec<(usize, Source, Sink)> = vec![(0, src_a, sink_b)];
    if !args.unidirectional {
        jobs.push((1, src_b, sink_a));
    } else {
        // The reverse sink stays with us (so stdout comes back); its source is dropped.
        give_back(io, None, Some(sink_a));
    }
    let mut linger = [None; 2];
    let mut stdin_dir = [false; 2];
    let mut handles = Vec::new();
    for (dir, src, sink) in jobs {
        linger[dir] = match args.linger {
            Some(secs) => Some(Duration::try_from_secs_f64(secs.max(0.0)).unwrap_or(Duration::MAX)),
            None if src.ends() => None,
            None => Some(Duration::from_millis(500)),
        };
        stdin_dir[dir] = matches!(src, Source::Stdin(_));
        let (stop, tx) = (stop.clone(), tx.clone());
        let from = names[dir].clone();
        let to = names[1 - dir].clone();
        handles.push((
            dir,
            thread::spawn(move || {
                let (result, halves) = copy(src, sink, &stop, (&from, &to));
                let _ = tx.send(Done { dir, result });
                halves
            }),
        ));
    }
    drop(tx);
    let mut bytes = [0u64; 2];
    let mut first_error: Option<io::Error> = None;
    let mut abandoned = [false; 2];
    let mut record = |done: Done, first_error: &mut Option<io::Error>| match done.result {
        Ok(n) => bytes[done.dir] = n,
        Err(e) => {
            first_error.get_or_insert(e);
        }
    };
    if let Ok(done) = rx.recv() {
        let dir = done.dir;
        record(done, &mut first_error);
        if first_error.is_some() {
            stop.signal();
        }
        if handles.len() == 2 {
            // One direction has ended: the other gets its linger (none after an error,
            // except for a read of standard input, which cannot be interrupted).
            let other = 1 - dir;
            let wait = if first_error.is_some() { stdin_dir[other].then_some(Duration::ZERO) } else { linger[other] };
            let next = match wait {
                None => rx.recv().ok(),
                Some(d) => match rx.recv_timeout(d) {
                    Ok(x) => Some(x),
                    Err(_) => {
                        stop.signal();
                        if stdin_dir[other] {
                            abandoned[other] = true;
                            None
                        } else {
                            rx.recv().ok()
                        }
                    }
                },
            };
            if let Some(done) = next {
                record(done, &mut first_error);
            }
        }
    }
    for (dir, handle) in handles {
        if abandoned[dir] {
            continue;
        }
        if let Ok((src, sink)) = handle.join() {
            give_back(io, Some(src), Some(sink));
        }
    }
    if args.verbose {
        let secs = start.elapsed().as_secs_f64();
        let rate = (bytes[0] + bytes[1]) as f64 / (1024.0 * 1024.0) / secs.max(1e-9);
        let _ = writeln!(
            io.stderr,
            "sock: {} -> {}: {} bytes; {} -> {}: {} bytes; {secs:.3} s; {rate:.2} MiB/s",
            names[0], names[1], bytes[0], names[1], names[0], bytes[1]
        );
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Puts standard streams taken by [`split`] back into `io`.
fn give_back(io: &mut Io, src: Option<Source>, sink: Option<Sink>) {
    if let Some(Source::Stdin(r)) = src {
        io.stdin = r;
    }
    if let Some(Sink::Stdout(w)) = sink {
        io.stdout = w;
    }
}

/// A writer shared by the connection threads of `fork` (their error messages).
#[derive(Clone)]
struct Shared(Arc<Mutex<Box<dyn Write + Send>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().map_err(|_| io::Error::other("stderr lock poisoned"))?.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.lock().map_err(|_| io::Error::other("stderr lock poisoned"))?.flush()
    }
}

/// `fork`: accept connections on `listener_spec` forever, each relayed in a thread of its own
/// with a fresh connection to `other`.
fn serve(listener_first: bool, listener_spec: &Spec, other: &Spec, io: &mut Io, args: &CatArgs) -> io::Result<()> {
    if other.kind == Kind::Stdio {
        return Err(invalid(&listener_spec.text, "fork needs a socket endpoint on the other side, not -"));
    }
    let Opened::Listener(listener) = open(listener_spec, io).map_err(|e| context(&listener_spec.text, e))? else {
        return Err(invalid(&listener_spec.text, "fork is an option of listeners"));
    };
    let stderr = Shared(Arc::new(Mutex::new(std::mem::replace(&mut io.stderr, Box::new(io::sink())))));
    let verbose = args.verbose;
    loop {
        let conn = listener.accept().map_err(|e| context(&listener_spec.text, e))?;
        let (l, o) = (listener_spec.clone(), other.clone());
        let mut child = Io {
            stdin: Box::new(io::empty()),
            stdout: Box::new(io::sink()),
            stderr: Box::new(stderr.clone()),
            ready: io.ready.clone(),
        };
        let child_args = CatArgs {
            a: String::new(),
            b: String::new(),
            verbose,
            unidirectional: args.unidirectional,
            linger: args.linger,
        };
        thread::spawn(move || {
            let result = open_conn(&o, &child).and_then(|oc| {
                child.notify("relaying");
                if listener_first {
                    relay((conn, &l.text), (oc, &o.text), &mut child, &child_args)
                } else {
                    relay((oc, &o.text), (conn, &l.text), &mut child, &child_args)
                }
            });
            if let Err(e) = result {
                let _ = writeln!(child.stderr, "sock: {e}");
            }
        });
    }
}

/// Runs `sock cat`.
pub(crate) fn run(args: CatArgs, io: &mut Io) -> io::Result<()> {
    let a: Spec = args.a.parse()?;
    let b: Spec = args.b.parse()?;
    if a.kind == Kind::Stdio && b.kind == Kind::Stdio {
        return Err(invalid("cat", format!("at least one endpoint must be a socket ({FORMS})")));
    }
    if a.opts.fork {
        return serve(true, &a, &b, io, &args);
    }
    if b.opts.fork {
        return serve(false, &b, &a, io, &args);
    }
    let ca = open_conn(&a, io)?;
    let cb = open_conn(&b, io)?;
    if args.verbose {
        let _ = writeln!(io.stderr, "sock: relaying {} <-> {}", a.text, b.text);
    }
    io.notify("relaying");
    relay((ca, &a.text), (cb, &b.text), io, &args)
}
