//! `sock tour`: one short real thing per address family (the facade's `tour` example, briefly),
//! or why the family is unavailable on this kernel.

use std::io::{self, Write};
use std::net::Ipv4Addr;
use std::time::Duration;

use sock::consts::*;
use sock::{Family, Protocol, Socket, Type};

use crate::Io;

type Outcome = Result<String, String>;

/// A row of the table: a name and what to try.
type Row = (&'static str, fn() -> Outcome);

fn err(e: io::Error) -> String {
    e.to_string()
}

fn tcp() -> Outcome {
    let listener = Socket::new(Family::INET, Type::STREAM, None).map_err(err)?;
    listener.bind((Ipv4Addr::LOCALHOST, 0)).map_err(err)?;
    listener.listen(None).map_err(err)?;
    let addr = listener.local_addr().map_err(err)?;
    let server = std::thread::spawn(move || -> io::Result<()> {
        listener.set_timeout(Some(Duration::from_secs(5)))?;
        let (conn, _) = listener.accept()?;
        let mut buf = [0u8; 64];
        let n = conn.recv(&mut buf)?;
        conn.send_all(&buf[..n])
    });
    let client = Socket::new(Family::INET, Type::STREAM, None).map_err(err)?;
    client.set_timeout(Some(Duration::from_secs(5))).map_err(err)?;
    client.connect(addr).map_err(err)?;
    client.send_all(b"echo me").map_err(err)?;
    let back = client.recv_vec(64).map_err(err)?;
    server.join().map_err(|_| "server thread panicked".to_string())?.map_err(err)?;
    if back != b"echo me" {
        return Err(format!("echo came back as {back:?}"));
    }
    Ok(format!("echo via {}", sock::Addr::decode(&addr)))
}

fn udp() -> Outcome {
    let s = Socket::new(Family::INET, Type::DGRAM, None).map_err(err)?;
    s.bind((Ipv4Addr::LOCALHOST, 0)).map_err(err)?;
    let me = s.local_addr().map_err(err)?;
    s.send_to(b"datagram", me).map_err(err)?;
    let (data, from) = s.recv_from_vec(64).map_err(err)?;
    Ok(format!("{} bytes from {}", data.len(), sock::Addr::decode(&from)))
}

fn unix() -> Outcome {
    let (a, b) = sock::socketpair().map_err(err)?;
    a.send_all(b"pair").map_err(err)?;
    let got = b.recv_vec(8).map_err(err)?;
    let s = Socket::new(Family::UNIX, Type::DGRAM, None).map_err(err)?;
    s.bind("").map_err(err)?;
    let name = sock::Addr::decode(&s.local_addr().map_err(err)?);
    Ok(format!("socketpair carried {} bytes; autobind name {name}", got.len()))
}

fn resolve() -> Outcome {
    let infos = sock::getaddrinfo(Some("localhost"), 80u16, 0, SOCK_STREAM, 0, 0).map_err(|e| e.to_string())?;
    let addrs: Vec<String> = infos.iter().map(|i| i.addr.to_string()).collect();
    Ok(format!("localhost:80 -> {}", addrs.join(", ")))
}

fn can() -> Outcome {
    use sock::can::{CanId, CanSocket, ClassicFrame};
    let rx = CanSocket::bound(("vcan0",)).map_err(|e| format!("no vcan0 here ({e})"))?;
    let tx = CanSocket::bound(("vcan0",)).map_err(err)?;
    rx.as_ref().set_timeout(Some(Duration::from_secs(2))).map_err(err)?;
    let frame = ClassicFrame::new(CanId::new(0x123).map_err(err)?, &[0xc0, 0xff, 0xee]).map_err(err)?;
    tx.write_classic(&frame).map_err(err)?;
    Ok(format!("frame on vcan0: {}", rx.read_frame().map_err(err)?))
}

fn packet() -> Outcome {
    use sock::packet::{PacketSocket, ETH_P_ALL};
    let s = PacketSocket::raw(ETH_P_ALL).map_err(|e| format!("AF_PACKET needs CAP_NET_RAW ({e})"))?;
    Ok(format!("AF_PACKET raw socket open (fd {})", std::os::fd::AsRawFd::as_raw_fd(s.as_ref())))
}

fn alg() -> Outcome {
    let mut h = sock::alg::Hash::new("sha256").map_err(|e| format!("no AF_ALG here ({e})"))?;
    Ok(format!("kernel sha256(\"abc\") = {}", h.digest(b"abc").map_err(err)?))
}

fn vsock() -> Outcome {
    let cid = sock::vsock::local_cid().map_err(|e| format!("no /dev/vsock ({e})"))?;
    Ok(format!("local CID {cid}"))
}

fn bluetooth() -> Outcome {
    Socket::new(Family::BLUETOOTH, Type::RAW, Some(Protocol(BTPROTO_HCI)))
        .map(|_| "HCI socket open".to_string())
        .map_err(|e| format!("no Bluetooth here ({e})"))
}

fn tipc() -> Outcome {
    Socket::new(Family::TIPC, Type::RDM, None)
        .map(|_| "TIPC socket open".to_string())
        .map_err(|e| format!("no TIPC here ({e})"))
}

fn netlink() -> Outcome {
    let links = crate::ifaces::list().map_err(err)?;
    let names: Vec<&str> = links.iter().map(|l| l.name.as_str()).collect();
    Ok(format!("RTM_GETLINK dump: {}", names.join(", ")))
}

fn qipcrtr() -> Outcome {
    Socket::new(Family::QIPCRTR, Type::DGRAM, None)
        .map(|_| "QIPCRTR socket open".to_string())
        .map_err(|e| format!("no QIPCRTR here ({e})"))
}

/// Prints the table; always succeeds (unavailable families are rows too).
pub(crate) fn run(io: &mut Io) -> io::Result<()> {
    let rows: [Row; 12] = [
        ("INET  TCP", tcp),
        ("INET  UDP", udp),
        ("UNIX", unix),
        ("resolve", resolve),
        ("CAN", can),
        ("PACKET", packet),
        ("ALG", alg),
        ("VSOCK", vsock),
        ("BLUETOOTH", bluetooth),
        ("TIPC", tipc),
        ("NETLINK", netlink),
        ("QIPCRTR", qipcrtr),
    ];
    writeln!(io.stdout, "{:<10} | {:<5} | what happened", "family", "state")?;
    writeln!(io.stdout, "{:-<10}-+-{:-<5}-+-{:-<60}", "", "", "")?;
    let mut ok = 0;
    for (name, row) in rows {
        match row() {
            Ok(what) => {
                ok += 1;
                writeln!(io.stdout, "{name:<10} | {:<5} | {what}", "ok")?;
            }
            Err(why) => writeln!(io.stdout, "{name:<10} | {:<5} | {why}", "n/a")?,
        }
    }
    writeln!(io.stdout, "\n{ok} of {} available on this kernel.", rows.len())
}
