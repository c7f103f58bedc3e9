//! `sock sniff IFACE`: an AF_PACKET capture, one line per frame (time, interface, direction,
//! ethertype, length, MAC addresses, and for IP the addresses, protocol and ports).

use std::io::{self, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::SystemTime;

use clap::Args;
use sock::packet::{PacketAddr, PacketSocket, ETH_P_ALL};
use sock::Type;

use crate::time::{clock, epoch};
use crate::{context, Io};

pub(crate) const EXAMPLES: &str = "\
Needs CAP_NET_RAW. 'any' captures on every interface. Times are UTC.

Line: TIME IFACE DIR ETHERTYPE LENGTH SRC-MAC > DST-MAC [SRC > DST PROTO]
  12:00:00.000001 lo out IPv4 0x0800 len 47 00:00:00:00:00:00 > 00:00:00:00:00:00 127.0.0.1:41000 > 127.0.0.1:9 UDP

Examples:
  sock sniff lo --count 4
  sock sniff any --port 53";

/// Arguments of `sock sniff`.
#[derive(Args, Debug)]
pub(crate) struct SniffArgs {
    /// The interface (or `any`).
    iface: String,
    /// Exit after COUNT frames (counted after --port).
    #[arg(short = 'c', long, value_name = "COUNT")]
    count: Option<u64>,
    /// Only frames of TCP or UDP with PORT as source or destination port.
    #[arg(short = 'p', long)]
    port: Option<u16>,
}

fn direction(pkttype: u8) -> &'static str {
    match pkttype {
        0 => "in",
        1 => "bcast",
        2 => "mcast",
        3 => "other",
        4 => "out",
        _ => "?",
    }
}

fn ethertype_name(t: u16) -> &'static str {
    match t {
        0x0800 => "IPv4",
        0x86dd => "IPv6",
        0x0806 => "ARP",
        0x8100 => "VLAN",
        0x88cc => "LLDP",
        _ => "?",
    }
}

fn mac(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect::<Vec<_>>().join(":")
}

/// What the IP header says: source, destination, protocol, ports.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct IpSummary {
    pub src: IpAddr,
    pub dst: IpAddr,
    pub proto: u8,
    pub ports: Option<(u16, u16)>,
}

/// Reads the IP header (and TCP/UDP ports) of `l3` for `ethertype`.
pub(crate) fn ip_summary(ethertype: u16, l3: &[u8]) -> Option<IpSummary> {
    let (src, dst, proto, l4): (IpAddr, IpAddr, u8, &[u8]) = match ethertype {
        0x0800 if l3.len() >= 20 => {
            let ihl = usize::from(l3[0] & 0xf) * 4;
            let s: [u8; 4] = l3[12..16].try_into().ok()?;
            let d: [u8; 4] = l3[16..20].try_into().ok()?;
            (Ipv4Addr::from(s).into(), Ipv4Addr::from(d).into(), l3[9], l3.get(ihl..).unwrap_or(&[]))
        }
        0x86dd if l3.len() >= 40 => {
            let s: [u8; 16] = l3[8..24].try_into().ok()?;
            let d: [u8; 16] = l3[24..40].try_into().ok()?;
            (Ipv6Addr::from(s).into(), Ipv6Addr::from(d).into(), l3[6], &l3[40..])
        }
        _ => return None,
    };
    let ports = (matches!(proto, 6 | 17) && l4.len() >= 4)
        .then(|| (u16::from_be_bytes([l4[0], l4[1]]), u16::from_be_bytes([l4[2], l4[3]])));
    Some(IpSummary { src, dst, proto, ports })
}

fn endpoint(ip: IpAddr, port: Option<u16>) -> String {
    match (ip, port) {
        (IpAddr::V6(v6), Some(p)) => format!("[{v6}]:{p}"),
        (ip, Some(p)) => format!("{ip}:{p}"),
        (ip, None) => ip.to_string(),
    }
}

fn proto_name(p: u8) -> String {
    match p {
        1 => "ICMP".into(),
        6 => "TCP".into(),
        17 => "UDP".into(),
        58 => "ICMPv6".into(),
        other => format!("proto {other}"),
    }
}

/// Runs the capture.
pub(crate) fn run(args: SniffArgs, io: &mut Io) -> io::Result<()> {
    let what = format!("sniff {}", args.iface);
    let iface: sock::Interface = if args.iface == "any" { sock::Interface::Any } else { args.iface.parse()? };
    let sock = PacketSocket::bound(Type::RAW, &PacketAddr::new(iface, ETH_P_ALL)).map_err(|e| context(&what, e))?;
    io.notify(format!("bound {what}"));
    let mut buf = vec![0u8; 65536];
    let mut seen = 0u64;
    while args.count.is_none_or(|c| seen < c) {
        let (n, from) = sock.recv_from(&mut buf).map_err(|e| context(&what, e))?;
        let t = SystemTime::now();
        let frame = &buf[..n];
        // Ethernet-like link layers (ARPHRD_ETHER, ARPHRD_LOOPBACK) carry a 14-byte header.
        let (macs, ethertype, l3) = if matches!(from.hatype, 1 | 772) && n >= 14 {
            (Some((&frame[6..12], &frame[0..6])), u16::from_be_bytes([frame[12], frame[13]]), &frame[14..])
        } else {
            (None, from.protocol, frame)
        };
        let ip = ip_summary(ethertype, l3);
        if let Some(port) = args.port {
            if !ip.as_ref().and_then(|i| i.ports).is_some_and(|(s, d)| s == port || d == port) {
                continue;
            }
        }
        let (secs, micros) = epoch(t);
        let name = from.with_name(sock.as_ref()).map(|a| a.interface.to_string()).unwrap_or_default();
        let mut line = format!(
            "{}.{micros:06} {name} {} {} 0x{ethertype:04x} len {n}",
            clock(secs),
            direction(from.pkttype),
            ethertype_name(ethertype)
        );
        if let Some((src, dst)) = macs {
            line.push_str(&format!(" {} > {}", mac(src), mac(dst)));
        }
        if let Some(ip) = ip {
            let (sp, dp) = (ip.ports.map(|p| p.0), ip.ports.map(|p| p.1));
            line.push_str(&format!(" {} > {} {}", endpoint(ip.src, sp), endpoint(ip.dst, dp), proto_name(ip.proto)));
        }
        writeln!(io.stdout, "{line}")?;
        io.stdout.flush()?;
        seen += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_udp_header() {
        let mut h = [0u8; 28];
        h[0] = 0x45;
        h[9] = 17;
        h[12..16].copy_from_slice(&[127, 0, 0, 1]);
        h[16..20].copy_from_slice(&[127, 0, 0, 2]);
        h[20..24].copy_from_slice(&[0x30, 0x39, 0, 9]);
        let s = ip_summary(0x0800, &h).unwrap();
        assert_eq!(s.ports, Some((12345, 9)));
        assert_eq!(s.dst, IpAddr::from([127, 0, 0, 2]));
        assert!(ip_summary(0x0800, &h[..10]).is_none());
    }
}
