//! A tour of every address family the running kernel offers, printed as a table.
//!
//! For each family it does a short real thing (an echo, a datagram, a hash, a link dump ...)
//! or says why the family is unavailable here. Run it with every family switched on:
//!
//! ```sh
//! cargo run --example tour
//! ```

use std::io::{self, IoSlice, IoSliceMut};
use std::net::{Ipv4Addr, SocketAddr};
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use sock::consts::*;
use sock::{Family, Protocol, Socket, Type};

type Outcome = Result<String, String>;

/// One row of the table: a family's name and what to try.
type Row = (&'static str, fn() -> Outcome);

fn err(e: io::Error) -> String {
    e.to_string()
}

/// TCP echo on loopback with a timeout on both ends.
fn tcp() -> Outcome {
    let listener = Socket::new(Family::INET, Type::STREAM, None).map_err(err)?;
    listener.bind((Ipv4Addr::LOCALHOST, 0)).map_err(err)?;
    listener.listen(None).map_err(err)?;
    let addr = listener.local_addr().map_err(err)?;
    let server = std::thread::spawn(move || -> io::Result<()> {
        listener.set_timeout(Some(Duration::from_secs(5)))?;
        let (conn, _) = listener.accept()?;
        conn.set_timeout(Some(Duration::from_secs(5)))?;
        let mut buf = [0u8; 64];
        let n = conn.recv(&mut buf)?;
        conn.send_all(&buf[..n])
    });
    let client = Socket::new(Family::INET, Type::STREAM, None).map_err(err)?;
    client.set_timeout(Some(Duration::from_secs(5))).map_err(err)?;
    let start = Instant::now();
    client.connect(addr).map_err(err)?;
    client.send_all(b"echo me").map_err(err)?;
    let back = client.recv_vec(64).map_err(err)?;
    server.join().map_err(|_| "server thread panicked".to_string())?.map_err(err)?;
    let rtt = start.elapsed();
    if back != b"echo me" {
        return Err(format!("echo came back as {back:?}"));
    }
    // A timeout that fires: a socket nobody writes to.
    let (quiet, _peer) = sock::socketpair().map_err(err)?;
    quiet.set_timeout(Some(Duration::from_millis(50))).map_err(err)?;
    let waited = Instant::now();
    let timed_out = quiet.recv_vec(1).map(|_| false).unwrap_or_else(|e| e.kind() == io::ErrorKind::TimedOut);
    Ok(format!(
        "echo via {} in {rtt:?}; a 50 ms timeout fired: {timed_out} (after {:?})",
        sock::Addr::decode(&addr),
        waited.elapsed()
    ))
}

/// UDP datagram to ourselves, IPv6 if the host has it.
fn udp() -> Outcome {
    let (family, addr): (Family, SocketAddr) = if sock::has_ipv6() {
        (Family::INET6, "[::1]:0".parse().unwrap())
    } else {
        (Family::INET, "127.0.0.1:0".parse().unwrap())
    };
    let s = Socket::new(family, Type::DGRAM, None).map_err(err)?;
    s.bind(addr).map_err(err)?;
    let me = s.local_addr().map_err(err)?;
    s.send_to(b"datagram", me).map_err(err)?;
    let (data, from) = s.recv_from_vec(64).map_err(err)?;
    Ok(format!("{} bytes from {}", data.len(), sock::Addr::decode(&from)))
}

/// A socketpair passing one end of a pipe over SCM_RIGHTS.
fn unix() -> Outcome {
    let (a, b) = sock::socketpair().map_err(err)?;
    let (r, w) = pipe().map_err(err)?;
    sock::unix::send_fds(&a, &[IoSlice::new(b"fd")], &[&w], 0, None).map_err(err)?;
    drop(w);
    let (_, fds, _, _) = sock::unix::recv_fds(&b, 16, 4, 0).map_err(err)?;
    let passed = fds.into_iter().next().ok_or("no fd arrived")?;
    // Write through the passed fd, read from the pipe's other end.
    let msg = b"through SCM_RIGHTS";
    // SAFETY: `passed` is an open pipe write end we own; `msg` is valid for its length.
    let n = unsafe { libc::write(passed.as_raw_fd(), msg.as_ptr().cast(), msg.len()) };
    drop(passed);
    let mut buf = [0u8; 32];
    // SAFETY: `r` is an open pipe read end we own; `buf` is valid for its length.
    let m = unsafe { libc::read(r.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
    if n != m {
        return Err(format!("wrote {n}, read {m}"));
    }
    let abstract_sock = Socket::new(Family::UNIX, Type::DGRAM, None).map_err(err)?;
    abstract_sock.bind("").map_err(err)?;
    let name = sock::Addr::decode(&abstract_sock.local_addr().map_err(err)?);
    Ok(format!("fd passed and written through ({m} bytes); autobind name {name}"))
}

fn pipe() -> io::Result<(std::os::fd::OwnedFd, std::os::fd::OwnedFd)> {
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two fds pipe2 writes.
    sock::core::cvt(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) })?;
    use std::os::fd::FromRawFd;
    // SAFETY: pipe2 returned two fresh fds that nothing else owns.
    Ok(unsafe { (std::os::fd::OwnedFd::from_raw_fd(fds[0]), std::os::fd::OwnedFd::from_raw_fd(fds[1])) })
}

/// Resolving localhost through getaddrinfo.
fn resolve() -> Outcome {
    let infos =
        sock::resolve::getaddrinfo(Some("localhost"), Some(80u16), 0, SOCK_STREAM, 0, 0).map_err(|e| e.to_string())?;
    let addrs: Vec<String> = infos.iter().map(|i| i.addr.to_string()).collect();
    let host = sock::resolve::gethostname().map_err(err)?;
    Ok(format!("localhost:80 -> {}; this host is {host:?}", addrs.join(", ")))
}

fn rds() -> Outcome {
    let s = Socket::new(Family::RDS, Type::SEQPACKET, None).map_err(|e| format!("no RDS here ({e})"))?;
    s.bind((Ipv4Addr::LOCALHOST, 0)).map_err(|e| format!("RDS socket made, bind failed: {e}"))?;
    Ok(format!("RDS socket bound to {}", sock::Addr::decode(&s.local_addr().map_err(err)?)))
}

fn can() -> Outcome {
    use sock::can::{CanId, CanSocket, ClassicFrame, Frame};
    let rx = CanSocket::bound(("vcan0",)).map_err(|e| format!("no vcan0 here ({e})"))?;
    let tx = CanSocket::bound(("vcan0",)).map_err(err)?;
    rx.as_ref().set_timeout(Some(Duration::from_secs(2))).map_err(err)?;
    let frame = ClassicFrame::new(CanId::new(0x123).map_err(err)?, &[0xc0, 0xff, 0xee]).map_err(err)?;
    tx.write_classic(&frame).map_err(err)?;
    let got: Frame = rx.read_frame().map_err(err)?;
    Ok(format!("frame on vcan0: {got}"))
}

fn packet() -> Outcome {
    use sock::packet::{PacketSocket, ETH_P_ALL};
    let s = PacketSocket::raw(ETH_P_ALL).map_err(|e| format!("AF_PACKET needs CAP_NET_RAW ({e})"))?;
    s.as_ref().set_timeout(Some(Duration::from_millis(500))).map_err(err)?;
    let ping = Socket::new(Family::INET, Type::DGRAM, None).map_err(err)?;
    ping.send_to(b"seen by AF_PACKET", (Ipv4Addr::LOCALHOST, 9)).map_err(err)?;
    let mut buf = [0u8; 2048];
    let (n, from) = s.recv_from(&mut buf).map_err(err)?;
    let from = from.with_name(s.as_ref()).map_err(err)?;
    Ok(format!("captured a {n}-byte frame: {from}"))
}

fn alg() -> Outcome {
    let mut h = sock::alg::Hash::new("sha256").map_err(|e| format!("no AF_ALG here ({e})"))?;
    let d = h.digest(b"abc").map_err(err)?;
    Ok(format!("kernel sha256(\"abc\") = {d}"))
}

fn vsock() -> Outcome {
    let cid = sock::vsock::local_cid().map_err(|e| format!("no /dev/vsock ({e})"))?;
    let l = Socket::new(Family::VSOCK, Type::STREAM, None).map_err(err)?;
    l.bind(sock::vsock::VsockAddr::new(VMADDR_CID_ANY, VMADDR_PORT_ANY)).map_err(err)?;
    l.listen(None).map_err(err)?;
    let me = sock::vsock::VsockAddr::try_from(&l.local_addr().map_err(err)?).map_err(err)?;
    let c = Socket::new(Family::VSOCK, Type::STREAM, None).map_err(err)?;
    c.set_timeout(Some(Duration::from_secs(2))).map_err(err)?;
    match c.connect(sock::vsock::VsockAddr::new(VMADDR_CID_LOCAL, me.port)) {
        Ok(()) => Ok(format!("local CID {cid}; connected to {me} over vsock loopback")),
        Err(e) => Err(format!("local CID {cid}, listening on {me}; no loopback transport ({e})")),
    }
}

fn bluetooth() -> Outcome {
    use sock::bt::HciDeviceExt;
    let s = Socket::new(Family::BLUETOOTH, Type::RAW, Some(Protocol(BTPROTO_HCI)))
        .map_err(|e| format!("no Bluetooth here ({e})"))?;
    let devs = s.hci_dev_list().map_err(err)?;
    Ok(format!("HCI socket open; {} controller(s): {devs:?}", devs.len()))
}

fn tipc() -> Outcome {
    use sock::tipc::TipcAddr;
    let s = Socket::new(Family::TIPC, Type::RDM, None).map_err(|e| format!("no TIPC here ({e})"))?;
    s.bind(TipcAddr::service_range(18888, 17, 17)).map_err(err)?;
    s.set_timeout(Some(Duration::from_secs(2))).map_err(err)?;
    s.send_to(b"tipc", TipcAddr::service(18888, 17)).map_err(err)?;
    let (data, from) = s.recv_from_vec(16).map_err(err)?;
    Ok(format!("{} bytes to service {{18888,17}} from {}", data.len(), sock::Addr::decode(&from)))
}

fn netlink() -> Outcome {
    use sock::netlink::msg::NlMsgBuilder;
    use sock::netlink::route::{IfInfoMsg, RTM_GETLINK, RTM_NEWLINK};
    use sock::netlink::{NetlinkSocket, NETLINK_ROUTE, NLM_F_DUMP, NLM_F_REQUEST};
    let nl = NetlinkSocket::new(NETLINK_ROUTE).map_err(err)?;
    let mut req = NlMsgBuilder::new(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP);
    req.push_struct(&IfInfoMsg::default().to_bytes());
    let mut links = 0;
    nl.dump(req, |m| {
        if m.header.ty == RTM_NEWLINK {
            links += 1;
        }
        Ok(())
    })
    .map_err(err)?;
    Ok(format!("RTM_GETLINK dump: {links} link(s); bound as {}", nl.local_addr().map_err(err)?))
}

fn qipcrtr() -> Outcome {
    let s = Socket::new(Family::QIPCRTR, Type::DGRAM, None).map_err(|e| format!("no QIPCRTR here ({e})"))?;
    let me = sock::qipcrtr::QipcrtrAddr::try_from(&s.local_addr().map_err(err)?).map_err(err)?;
    Ok(format!("QIPCRTR socket on node {}", me.node))
}

fn batching() -> Outcome {
    use sock::core::{OutMsg, RecvBatch, SendBatch};
    let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None).map_err(err)?;
    let msgs: Vec<OutMsg<'_>> = (0..32).map(|_| OutMsg::new(b"batched")).collect();
    let sent = a.send_many(&msgs, &mut SendBatch::new(), 0).map_err(err)?;
    let mut batch = RecvBatch::new(64, 64).map_err(err)?;
    let got = b.recv_many(&mut batch, 0).map_err(err)?;
    let mut one = [0u8; 8];
    let _ = b.recv_msg(&mut [IoSliceMut::new(&mut one)], &mut [], MSG_DONTWAIT);
    Ok(format!("sendmmsg sent {sent}, one recvmmsg received {got}"))
}

fn main() {
    let rows: [Row; 15] = [
        ("INET  TCP", tcp),
        ("INET  UDP", udp),
        ("UNIX", unix),
        ("resolve", resolve),
        ("batching", batching),
        ("RDS", rds),
        ("CAN", can),
        ("PACKET", packet),
        ("ALG", alg),
        ("VSOCK", vsock),
        ("BLUETOOTH", bluetooth),
        ("TIPC", tipc),
        ("NETLINK", netlink),
        ("QIPCRTR", qipcrtr),
        ("timeouts", || Ok(format!("default timeout {:?}", sock::getdefaulttimeout()))),
    ];
    println!("{:<10} | {:<5} | what happened", "family", "state");
    println!("{:-<10}-+-{:-<5}-+-{:-<60}", "", "", "");
    let mut ok = 0;
    for (name, run) in rows {
        match run() {
            Ok(what) => {
                ok += 1;
                println!("{name:<10} | {:<5} | {what}", "ok");
            }
            Err(why) => println!("{name:<10} | {:<5} | {why}", "n/a"),
        }
    }
    println!("\n{ok} of {} available on this kernel ({}).", rows.len(), kernel());
}

fn kernel() -> String {
    std::fs::read_to_string("/proc/sys/kernel/osrelease").map(|s| format!("Linux {}", s.trim())).unwrap_or_default()
}
