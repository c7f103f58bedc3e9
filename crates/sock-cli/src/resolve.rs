//! `sock resolve NAME [PORT]`: getaddrinfo as a table (what `getent ahosts` shows), and
//! getnameinfo with `--reverse`.

use std::io::{self, Write};
use std::net::{IpAddr, SocketAddr};

use clap::Args;
use sock::consts::*;

use crate::{context, invalid, json, Io};

pub(crate) const EXAMPLES: &str = "\
Flags are getent ahosts' (AI_CANONNAME | AI_ADDRCONFIG; --all drops AI_ADDRCONFIG).

Examples:
  sock resolve localhost
  sock resolve example.org https -4
  sock resolve --reverse 127.0.0.1 80
  sock resolve localhost --json";

/// Arguments of `sock resolve`.
#[derive(Args, Debug)]
pub(crate) struct ResolveArgs {
    /// The host name (or, with --reverse, the address) to look up.
    name: String,
    /// A port number or service name.
    port: Option<String>,
    /// getnameinfo: the name (and service) of an address.
    #[arg(short = 'r', long)]
    reverse: bool,
    /// IPv4 only.
    #[arg(short = '4', conflicts_with = "v6")]
    v4: bool,
    /// IPv6 only.
    #[arg(short = '6')]
    v6: bool,
    /// Also addresses of families this host has no address of (no AI_ADDRCONFIG).
    #[arg(long)]
    all: bool,
    /// JSON output.
    #[arg(long)]
    json: bool,
}

pub(crate) fn family_name(f: i32) -> String {
    match f {
        AF_INET => "inet".into(),
        AF_INET6 => "inet6".into(),
        other => other.to_string(),
    }
}

pub(crate) fn type_name(t: i32) -> String {
    match t {
        SOCK_STREAM => "stream".into(),
        SOCK_DGRAM => "dgram".into(),
        SOCK_RAW => "raw".into(),
        SOCK_SEQPACKET => "seqpacket".into(),
        other => other.to_string(),
    }
}

pub(crate) fn proto_name(p: i32) -> String {
    match p {
        IPPROTO_TCP => "tcp".into(),
        IPPROTO_UDP => "udp".into(),
        IPPROTO_SCTP => "sctp".into(),
        IPPROTO_UDPLITE => "udplite".into(),
        other => other.to_string(),
    }
}

fn reverse(args: &ResolveArgs, io: &mut Io) -> io::Result<()> {
    let ip: IpAddr = args
        .name
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .map_err(|_| invalid(format!("address {:?}", args.name), "--reverse takes an IPv4 or IPv6 address"))?;
    let port: u16 = match &args.port {
        None => 0,
        Some(p) => p.parse().map_err(|_| invalid(format!("port {p:?}"), "--reverse takes a port number"))?,
    };
    let (host, service) =
        sock::getnameinfo(SocketAddr::new(ip, port), 0).map_err(|e| context(format!("getnameinfo {ip}"), e))?;
    if args.json {
        writeln!(io.stdout, "{}", json::object(&[("host", json::string(&host)), ("service", json::string(&service))]))
    } else if args.port.is_some() {
        writeln!(io.stdout, "{host} {service}")
    } else {
        writeln!(io.stdout, "{host}")
    }
}

/// Runs `sock resolve`.
pub(crate) fn run(args: ResolveArgs, io: &mut Io) -> io::Result<()> {
    if args.reverse {
        return reverse(&args, io);
    }
    let family = if args.v4 {
        AF_INET
    } else if args.v6 {
        AF_INET6
    } else {
        AF_UNSPEC
    };
    let flags = AI_CANONNAME | if args.all { 0 } else { AI_ADDRCONFIG };
    let service: Option<&str> = args.port.as_deref();
    // The resolver's error names the host: `getaddrinfo NAME: ... (EAI_NONAME)`.
    let infos = sock::getaddrinfo(Some(&args.name), service, family, 0, 0, flags)?;
    let show = |addr: &SocketAddr| if service.is_some() { addr.to_string() } else { addr.ip().to_string() };
    if args.json {
        let canon = infos.iter().map(|i| i.canonname.clone()).find(|c| !c.is_empty()).unwrap_or_default();
        let items: Vec<String> = infos
            .iter()
            .map(|i| {
                json::object(&[
                    ("family", json::string(&family_name(i.family.raw()))),
                    ("type", json::string(&type_name(i.ty.raw()))),
                    ("protocol", json::string(&proto_name(i.protocol.raw()))),
                    ("address", json::string(&show(&i.addr))),
                ])
            })
            .collect();
        return writeln!(
            io.stdout,
            "{}",
            json::object(&[
                ("name", json::string(&args.name)),
                ("canonname", json::string(&canon)),
                ("addresses", json::array(&items))
            ])
        );
    }
    writeln!(io.stdout, "{:<7} {:<9} {:<8} address", "family", "type", "protocol")?;
    for i in &infos {
        writeln!(
            io.stdout,
            "{:<7} {:<9} {:<8} {}",
            family_name(i.family.raw()),
            type_name(i.ty.raw()),
            proto_name(i.protocol.raw()),
            show(&i.addr)
        )?;
    }
    Ok(())
}
