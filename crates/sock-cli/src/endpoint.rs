//! Relay endpoints: their text form (`tcp:HOST:PORT,opt=value...`), and opening them.

use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use sock::can::consts::J1939_NO_ADDR;
use sock::can::{CanSocket, J1939Addr};
use sock::consts::*;
use sock::packet::{PacketAddr, PacketSocket, ETH_P_ALL};
use sock::tipc::TipcAddr;
use sock::vsock::VsockAddr;
use sock::{Family, Protocol, ProtocolSocket, Socket, Type};

use crate::can::isotp::{self, IsoTpSetup};
use crate::can::j1939;
use crate::{context, invalid, Io};

/// The endpoint kinds, with their arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `-`: standard input and output.
    Stdio,
    /// `tcp:HOST:PORT`.
    Tcp(String, u16),
    /// `tcp-listen:PORT`.
    TcpListen(u16),
    /// `udp:HOST:PORT`.
    Udp(String, u16),
    /// `udp-listen:PORT`: waits for the first datagram and talks to its sender.
    UdpListen(u16),
    /// `unix:PATH` (a stream connection).
    Unix(Vec<u8>),
    /// `unix-listen:PATH`.
    UnixListen(Vec<u8>),
    /// `unix-dgram:PATH`: datagrams to PATH, replies to an autobound address.
    UnixDgram(Vec<u8>),
    /// `vsock:CID:PORT`.
    Vsock(u32, u32),
    /// `vsock-listen:PORT`.
    VsockListen(u32),
    /// `can:IFACE`: frames as text lines.
    Can(String),
    /// `packet:IFACE`: a read-only capture, one hex line per frame.
    Packet(String),
    /// `isotp:IFACE:TX:RX`: one ISO-TP message per datagram (ids in can-utils' order).
    IsoTp(String, IsoTpSetup),
    /// `j1939:IFACE:NAME:PGN:ADDR`: a J1939 socket bound to this local address; sends go to
    /// `to=` (else broadcast with the bound PGN).
    J1939(J1939Addr),
    /// `tipc:TYPE:INSTANCE`: a stream connection to a TIPC service.
    Tipc(u32, u32),
    /// `tipc-listen:TYPE:INSTANCE`: bind the service, listen.
    TipcListen(u32, u32),
    /// `sctp:HOST:PORT`: a one-to-one SCTP stream connection.
    Sctp(String, u16),
    /// `sctp-listen:PORT`.
    SctpListen(u16),
}

/// The `,opt=value` options of an endpoint.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Opts {
    /// `reuseaddr`: `SO_REUSEADDR` before binding.
    pub reuseaddr: bool,
    /// `bind=ADDR`: the local address (a host or `host:port` for INET, a path for UNIX).
    pub bind: Option<String>,
    /// `rcvbuf=N`: `SO_RCVBUF`.
    pub rcvbuf: Option<usize>,
    /// `sndbuf=N`: `SO_SNDBUF`.
    pub sndbuf: Option<usize>,
    /// `fork`: a listener serves connection after connection, each in a thread of its own.
    pub fork: bool,
    /// `to=[PGN:]ADDR`: the destination of a `j1939:` endpoint.
    pub to: Option<String>,
}

/// One parsed endpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Spec {
    /// The text as given (for messages).
    pub text: String,
    /// What to open.
    pub kind: Kind,
    /// Its options.
    pub opts: Opts,
}

/// The endpoint forms, for help texts and errors.
pub(crate) const FORMS: &str = "-, tcp:HOST:PORT, tcp-listen:PORT, udp:HOST:PORT, udp-listen:PORT, unix:PATH, \
unix-listen:PATH, abstract:NAME, abstract-listen:NAME, unix-dgram:PATH, vsock:CID:PORT, vsock-listen:PORT, can:IFACE, \
packet:IFACE, isotp:IFACE:TX:RX, j1939:IFACE:NAME:PGN:ADDR, tipc:TYPE:INSTANCE, tipc-listen:TYPE:INSTANCE, sctp:HOST:PORT, \
sctp-listen:PORT";

fn port(text: &str, what: &str) -> io::Result<u16> {
    text.parse().map_err(|_| invalid(what, format!("bad port {text:?} (0-65535)")))
}

fn u32_num(text: &str, what: &str) -> io::Result<u32> {
    let parsed = match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => u32::from_str_radix(hex, 16),
        None => text.parse(),
    };
    parsed.map_err(|_| invalid(what, format!("bad number {text:?}")))
}

/// `HOST:PORT` with `[v6]:PORT` for IPv6 literals.
fn host_port(text: &str, what: &str) -> io::Result<(String, u16)> {
    let (host, p) = text.rsplit_once(':').ok_or_else(|| invalid(what, "expected HOST:PORT"))?;
    let host = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(host);
    if host.is_empty() {
        return Err(invalid(what, "empty host"));
    }
    Ok((host.to_string(), port(p, what)?))
}

impl std::str::FromStr for Spec {
    type Err = io::Error;

    fn from_str(text: &str) -> io::Result<Spec> {
        let what = text;
        let mut parts = text.split(',');
        let head = parts.next().unwrap_or_default();
        let mut opts = Opts::default();
        for opt in parts {
            let (key, value) = match opt.split_once('=') {
                Some((k, v)) => (k, Some(v)),
                None => (opt, None),
            };
            let need = |v: Option<&str>| {
                v.map(str::to_string).ok_or_else(|| invalid(what, format!("option {key} needs =VALUE")))
            };
            let size = |v: &str| v.parse::<usize>().map_err(|_| invalid(what, format!("{key}: bad size {v:?}")));
            match key {
                "reuseaddr" => opts.reuseaddr = true,
                "fork" => opts.fork = true,
                "bind" => opts.bind = Some(need(value)?),
                "rcvbuf" => opts.rcvbuf = Some(size(&need(value)?)?),
                "sndbuf" => opts.sndbuf = Some(size(&need(value)?)?),
                "to" => opts.to = Some(need(value)?),
                _ => {
                    return Err(invalid(
                        what,
                        format!(
                        "unknown option {key:?} (known: reuseaddr, bind=ADDR, rcvbuf=N, sndbuf=N, fork, to=[PGN:]ADDR)"
                    ),
                    ))
                }
            }
        }
        let kind = if head == "-" {
            Kind::Stdio
        } else {
            let (scheme, rest) =
                head.split_once(':').ok_or_else(|| invalid(what, format!("unknown endpoint (known: {FORMS})")))?;
            if rest.is_empty() {
                return Err(invalid(what, format!("{scheme}: missing address")));
            }
            match scheme.to_ascii_lowercase().as_str() {
                "tcp" => host_port(rest, what).map(|(h, p)| Kind::Tcp(h, p))?,
                "tcp-listen" => Kind::TcpListen(port(rest, what)?),
                "udp" => host_port(rest, what).map(|(h, p)| Kind::Udp(h, p))?,
                "udp-listen" => Kind::UdpListen(port(rest, what)?),
                "unix" => Kind::Unix(rest.as_bytes().to_vec()),
                "unix-listen" => Kind::UnixListen(rest.as_bytes().to_vec()),
                "unix-dgram" => Kind::UnixDgram(rest.as_bytes().to_vec()),
                "abstract" => Kind::Unix([b"\0", rest.as_bytes()].concat()),
                "abstract-listen" => Kind::UnixListen([b"\0", rest.as_bytes()].concat()),
                "vsock" => {
                    let (cid, p) = rest.split_once(':').ok_or_else(|| invalid(what, "expected vsock:CID:PORT"))?;
                    Kind::Vsock(u32_num(cid, what)?, u32_num(p, what)?)
                }
                "vsock-listen" => Kind::VsockListen(u32_num(rest, what)?),
                "can" => Kind::Can(rest.to_string()),
                "packet" => Kind::Packet(rest.to_string()),
                "isotp" => {
                    let [iface, tx, rx] = rest.split(':').collect::<Vec<_>>()[..] else {
                        return Err(invalid(what, "expected isotp:IFACE:TX:RX"));
                    };
                    let mut setup = IsoTpSetup {
                        tx: isotp::parse_id(tx, what)?,
                        rx: isotp::parse_id(rx, what)?,
                        ..Default::default()
                    };
                    // A write returns once the message is out: a failed transfer is an error.
                    setup.opts.flags |= sock::can::consts::CAN_ISOTP_WAIT_TX_DONE;
                    Kind::IsoTp(iface.to_string(), setup)
                }
                "j1939" => Kind::J1939(j1939::parse_addr(rest, what)?),
                "tipc" | "tipc-listen" => {
                    let (ty, inst) = rest
                        .split_once(':')
                        .ok_or_else(|| invalid(what, format!("expected {scheme}:TYPE:INSTANCE")))?;
                    let (ty, inst) = (u32_num(ty, what)?, u32_num(inst, what)?);
                    if scheme.eq_ignore_ascii_case("tipc") {
                        Kind::Tipc(ty, inst)
                    } else {
                        Kind::TipcListen(ty, inst)
                    }
                }
                "sctp" => host_port(rest, what).map(|(h, p)| Kind::Sctp(h, p))?,
                "sctp-listen" => Kind::SctpListen(port(rest, what)?),
                _ => return Err(invalid(what, format!("unknown endpoint type {scheme:?} (known: {FORMS})"))),
            }
        };
        if opts.fork
            && !matches!(
                kind,
                Kind::TcpListen(_)
                    | Kind::UnixListen(_)
                    | Kind::VsockListen(_)
                    | Kind::TipcListen(..)
                    | Kind::SctpListen(_)
            )
        {
            return Err(invalid(
                what,
                "fork is an option of stream listeners (tcp-listen, unix-listen, vsock-listen, tipc-listen, sctp-listen)",
            ));
        }
        if opts.to.is_some() && !matches!(kind, Kind::J1939(_)) {
            return Err(invalid(what, "to= is an option of j1939 endpoints"));
        }
        Ok(Spec { text: text.to_string(), kind, opts })
    }
}

/// An open endpoint, ready to relay.
pub(crate) enum Conn {
    /// Standard input and output of the [`Io`].
    Stdio,
    /// A connected stream socket (EOF and half-close apply).
    Stream(Arc<Socket>),
    /// A connected datagram socket (each read is one datagram, each write sends one).
    Dgram(Arc<Socket>),
    /// A `CAN_RAW` socket bound to an interface (named for the output lines).
    Can(Arc<CanSocket>, String),
    /// An `AF_PACKET` capture socket.
    Packet(Arc<PacketSocket>),
}

/// A bound, listening socket that yields [`Conn::Stream`]s.
pub(crate) struct Listener {
    sock: Socket,
    /// A pathname to remove when the listener is done (`unix-listen:PATH`).
    unlink: Option<std::path::PathBuf>,
}

impl Listener {
    /// Waits for the next connection.
    pub(crate) fn accept(&self) -> io::Result<Conn> {
        let (conn, _peer) = self.sock.accept()?;
        if crate::sctp::is_sctp(&conn) {
            crate::sctp::watch_association(&conn)?;
        }
        Ok(Conn::Stream(Arc::new(conn)))
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let Some(path) = self.unlink.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// What opening an endpoint gave.
pub(crate) enum Opened {
    /// Ready to relay.
    Conn(Conn),
    /// A listener: accept from it (once, or in a loop with `fork`).
    Listener(Listener),
}

/// The addresses of `host:port`: a literal directly, a name through `getaddrinfo`.
pub(crate) fn resolve(host: &str, port: u16, ty: i32) -> io::Result<Vec<SocketAddr>> {
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(vec![SocketAddr::new(ip, port)]);
    }
    let infos = sock::getaddrinfo(Some(host), port, 0, ty, 0, 0)?;
    let addrs: Vec<SocketAddr> = infos.into_iter().map(|i| i.addr).collect();
    if addrs.is_empty() {
        return Err(io::Error::new(io::ErrorKind::NotFound, format!("{host}: no addresses")));
    }
    Ok(addrs)
}

fn family_of(addr: &SocketAddr) -> Family {
    if addr.is_ipv4() {
        Family::INET
    } else {
        Family::INET6
    }
}

/// The socket options of `opts` that apply before bind/connect.
fn apply(sock: &Socket, opts: &Opts) -> io::Result<()> {
    if opts.reuseaddr {
        sock.set_reuse_addr(true)?;
    }
    if let Some(n) = opts.rcvbuf {
        sock.set_recv_buffer_size(n)?;
    }
    if let Some(n) = opts.sndbuf {
        sock.set_send_buffer_size(n)?;
    }
    Ok(())
}

/// The local INET address of `bind=` for a socket of `family`: `HOST` or `HOST:PORT`.
fn inet_bind(text: &str, family: Family, default_port: u16) -> io::Result<SocketAddr> {
    if let Ok(addr) = text.parse::<SocketAddr>() {
        return Ok(addr);
    }
    let host = text.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(text);
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(SocketAddr::new(ip, default_port));
    }
    let (host, port) = host_port(text, "bind").unwrap_or((text.to_string(), default_port));
    let ty = SOCK_STREAM;
    resolve(&host, port, ty)?
        .into_iter()
        .find(|a| family_of(a) == family)
        .ok_or_else(|| invalid("bind", format!("{text}: no address of the socket's family")))
}

/// Connects a socket of type `ty` to the first address of `host:port` that answers.
fn inet_connect(host: &str, port: u16, ty: Type, proto: Option<Protocol>, opts: &Opts) -> io::Result<Socket> {
    let mut last = None;
    for addr in resolve(host, port, ty.0)? {
        let attempt = (|| {
            let sock = Socket::new(family_of(&addr), ty, proto)?;
            apply(&sock, opts)?;
            if let Some(b) = &opts.bind {
                sock.bind(inet_bind(b, family_of(&addr), 0)?)?;
            }
            sock.connect(addr)?;
            Ok(sock)
        })();
        match attempt {
            Ok(sock) => return Ok(sock),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no addresses")))
}

/// The listening address of an INET listener: `bind=` or `0.0.0.0`.
fn inet_listen_addr(port: u16, opts: &Opts) -> io::Result<SocketAddr> {
    match &opts.bind {
        None => Ok(SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), port)),
        Some(b) => {
            let family = if b.contains(':') && !b.contains('.') { Family::INET6 } else { Family::INET };
            inet_bind(b, family, port)
        }
    }
}

fn listening(io: &Io, sock: &Socket) -> io::Result<()> {
    let local = sock.local_addr()?;
    io.notify(format!("listening {}", sock::Addr::decode(&local)));
    Ok(())
}

/// Opens `spec` (errors carry no endpoint name; the caller adds it). Listeners report
/// `listening <addr>` through `io` once bound.
pub(crate) fn open(spec: &Spec, io: &Io) -> io::Result<Opened> {
    let opts = &spec.opts;
    let conn = match &spec.kind {
        Kind::Stdio => Conn::Stdio,
        Kind::Tcp(host, port) => Conn::Stream(Arc::new(inet_connect(host, *port, Type::STREAM, None, opts)?)),
        Kind::Udp(host, port) => Conn::Dgram(Arc::new(inet_connect(host, *port, Type::DGRAM, None, opts)?)),
        Kind::TcpListen(port) | Kind::SctpListen(port) => {
            let proto = matches!(spec.kind, Kind::SctpListen(_)).then_some(Protocol(IPPROTO_SCTP));
            let addr = inet_listen_addr(*port, opts)?;
            let sock = Socket::new(family_of(&addr), Type::STREAM, proto)?;
            apply(&sock, opts)?;
            sock.bind(addr)?;
            sock.listen(None)?;
            listening(io, &sock)?;
            return Ok(Opened::Listener(Listener { sock, unlink: None }));
        }
        Kind::UdpListen(port) => {
            let addr = inet_listen_addr(*port, opts)?;
            let sock = Socket::new(family_of(&addr), Type::DGRAM, None)?;
            apply(&sock, opts)?;
            sock.bind(addr)?;
            listening(io, &sock)?;
            // Like socat: the first datagram's sender becomes the peer (the datagram stays
            // queued for the relay).
            let mut first = [0u8; 1];
            let (_, peer) = sock.recv_from_with_flags(&mut first, sock::MsgFlags::PEEK)?;
            sock.connect(peer)?;
            Conn::Dgram(Arc::new(sock))
        }
        Kind::Unix(path) => {
            let sock = Socket::new(Family::UNIX, Type::STREAM, None)?;
            apply(&sock, opts)?;
            if let Some(b) = &opts.bind {
                sock.bind(b.as_str())?;
            }
            sock.connect(path.as_slice())?;
            Conn::Stream(Arc::new(sock))
        }
        Kind::UnixListen(path) => {
            let sock = Socket::new(Family::UNIX, Type::STREAM, None)?;
            apply(&sock, opts)?;
            sock.bind(path.as_slice())?;
            let unlink = (path.first() != Some(&0))
                .then(|| std::path::PathBuf::from(String::from_utf8_lossy(path).into_owned()));
            let listener = Listener { sock, unlink };
            listener.sock.listen(None)?;
            listening(io, &listener.sock)?;
            return Ok(Opened::Listener(listener));
        }
        Kind::UnixDgram(path) => {
            let sock = Socket::new(Family::UNIX, Type::DGRAM, None)?;
            apply(&sock, opts)?;
            match &opts.bind {
                Some(b) => sock.bind(b.as_str())?,
                // Autobind, so the peer can answer.
                None => sock.bind("")?,
            }
            sock.connect(path.as_slice())?;
            Conn::Dgram(Arc::new(sock))
        }
        Kind::Vsock(cid, port) => {
            let sock = Socket::new(Family::VSOCK, Type::STREAM, None)?;
            apply(&sock, opts)?;
            sock.connect(VsockAddr::new(*cid, *port))?;
            Conn::Stream(Arc::new(sock))
        }
        Kind::VsockListen(port) => {
            let sock = Socket::new(Family::VSOCK, Type::STREAM, None)?;
            apply(&sock, opts)?;
            sock.bind(VsockAddr::new(VMADDR_CID_ANY, *port))?;
            sock.listen(None)?;
            listening(io, &sock)?;
            return Ok(Opened::Listener(Listener { sock, unlink: None }));
        }
        Kind::Can(iface) => {
            let sock = CanSocket::new()?;
            sock.set_fd_frames(true)?;
            sock.bind((iface.as_str(),))?;
            apply(sock.as_ref(), opts)?;
            Conn::Can(Arc::new(sock), iface.clone())
        }
        Kind::Sctp(host, port) => {
            let sock = inet_connect(host, *port, Type::STREAM, Some(Protocol(IPPROTO_SCTP)), opts)?;
            crate::sctp::watch_association(&sock)?;
            Conn::Stream(Arc::new(sock))
        }
        Kind::IsoTp(iface, setup) => {
            let sock = isotp::open(iface, setup)?;
            apply(sock.as_ref(), opts)?;
            Conn::Dgram(Arc::new(sock.into_inner()))
        }
        Kind::J1939(local) => {
            let sock = j1939::bind(local)?;
            apply(sock.as_ref(), opts)?;
            match &opts.to {
                Some(to) => {
                    let (pgn, addr) = match to.split_once(':') {
                        Some((p, a)) => (u32_num(p, "to")?, a),
                        None => (local.pgn, to.as_str()),
                    };
                    let addr =
                        u8::try_from(u32_num(addr, "to")?).map_err(|_| invalid("to", "an address is 0..=255"))?;
                    if addr == J1939_NO_ADDR {
                        sock.set_broadcast(true)?;
                    }
                    sock.connect(J1939Addr::to(pgn, addr))?;
                }
                None => sock.set_broadcast(true)?,
            }
            Conn::Dgram(Arc::new(sock.into_inner()))
        }
        Kind::Tipc(ty, inst) => {
            let sock = Socket::new(Family::TIPC, Type::STREAM, None)?;
            apply(&sock, opts)?;
            sock.connect(TipcAddr::service(*ty, *inst))?;
            Conn::Stream(Arc::new(sock))
        }
        Kind::TipcListen(ty, inst) => {
            let sock = Socket::new(Family::TIPC, Type::STREAM, None)?;
            apply(&sock, opts)?;
            sock.bind(TipcAddr::service_range(*ty, *inst, *inst))?;
            sock.listen(None)?;
            listening(io, &sock)?;
            return Ok(Opened::Listener(Listener { sock, unlink: None }));
        }
        Kind::Packet(iface) => {
            let ifc: sock::Interface = iface.parse()?;
            let sock = PacketSocket::bound(Type::RAW, &PacketAddr::new(ifc, ETH_P_ALL))?;
            apply(sock.as_ref(), opts)?;
            Conn::Packet(Arc::new(sock))
        }
    };
    Ok(Opened::Conn(conn))
}

/// Opens `spec` and, for a listener, accepts one connection; errors name the endpoint.
pub(crate) fn open_conn(spec: &Spec, io: &Io) -> io::Result<Conn> {
    match open(spec, io).map_err(|e| context(&spec.text, e))? {
        Opened::Conn(c) => Ok(c),
        Opened::Listener(l) => l.accept().map_err(|e| context(&spec.text, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> io::Result<Spec> {
        s.parse()
    }

    #[test]
    fn forms() {
        assert_eq!(parse("-").unwrap().kind, Kind::Stdio);
        assert_eq!(parse("tcp:127.0.0.1:80").unwrap().kind, Kind::Tcp("127.0.0.1".into(), 80));
        assert_eq!(parse("tcp:[::1]:80").unwrap().kind, Kind::Tcp("::1".into(), 80));
        assert_eq!(parse("TCP-LISTEN:9000").unwrap().kind, Kind::TcpListen(9000));
        assert_eq!(parse("abstract:x").unwrap().kind, Kind::Unix(b"\0x".to_vec()));
        assert_eq!(parse("vsock:0x2:1234").unwrap().kind, Kind::Vsock(2, 1234));
        let Kind::IsoTp(iface, setup) = parse("isotp:vcan0:7E0:18DA10F1").unwrap().kind else { panic!("isotp") };
        assert_eq!(
            (iface.as_str(), setup.tx, setup.rx),
            ("vcan0", 0x7e0, 0x18da_10f1 | sock::can::consts::CAN_EFF_FLAG)
        );
        let j = parse("j1939:vcan0::0x12300:0x80,to=0x90").unwrap();
        assert_eq!(j.kind, Kind::J1939(J1939Addr::new("vcan0", 0, 0x12300, 0x80).unwrap()));
        assert_eq!(j.opts.to.as_deref(), Some("0x90"));
        assert_eq!(parse("tipc:1000:0x10").unwrap().kind, Kind::Tipc(1000, 16));
        assert_eq!(parse("tipc-listen:1000:16,fork").unwrap().kind, Kind::TipcListen(1000, 16));
        assert_eq!(parse("sctp:[::1]:9").unwrap().kind, Kind::Sctp("::1".into(), 9));
        assert_eq!(parse("sctp-listen:9").unwrap().kind, Kind::SctpListen(9));
        let s = parse("tcp-listen:1,reuseaddr,fork,rcvbuf=4096,bind=127.0.0.1").unwrap();
        assert!(s.opts.reuseaddr && s.opts.fork);
        assert_eq!(s.opts.rcvbuf, Some(4096));
        assert_eq!(s.opts.bind.as_deref(), Some("127.0.0.1"));
    }

    #[test]
    fn errors_name_the_endpoint() {
        for bad in [
            "tcp:host",
            "tcp:h:99999",
            "nope:1",
            "x",
            "tcp-listen:1,bogus",
            "udp:h:1,fork",
            "tcp:",
            "vsock:1",
            "isotp:vcan0:7e0",
            "isotp:vcan0:zz:7e8",
            "j1939:vcan0:0x80",
            "tipc:1",
            "tcp:h:1,to=2",
        ] {
            let e = parse(bad).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{bad}");
            assert!(e.to_string().starts_with(bad), "{bad}: {e}");
        }
    }
}
