//! `sock ifaces`: the interfaces and their addresses through rtnetlink, like `ip -br addr`.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use clap::Args;
use sock::netlink::msg::NlMsgBuilder;
use sock::netlink::route::*;
use sock::netlink::{NetlinkSocket, NETLINK_ROUTE, NLM_F_DUMP, NLM_F_REQUEST};

use crate::{context, json, Io};

pub(crate) const EXAMPLES: &str = "\
Columns: name, operational state, addresses with prefix length (as `ip -br addr`).

Examples:
  sock ifaces
  sock ifaces --json";

/// Arguments of `sock ifaces`.
#[derive(Args, Debug)]
pub(crate) struct IfacesArgs {
    /// JSON output.
    #[arg(long)]
    json: bool,
}

/// One interface.
#[derive(Debug, Default)]
pub(crate) struct Iface {
    pub index: u32,
    pub name: String,
    /// The `IFLA_LINK` of a link that has one other than itself (veth peers ...).
    pub link: Option<u32>,
    pub state: &'static str,
    pub mtu: u32,
    pub mac: Option<Vec<u8>>,
    pub addrs: Vec<(IpAddr, u8)>,
}

fn operstate(v: u8) -> &'static str {
    match v {
        1 => "NOTPRESENT",
        2 => "DOWN",
        3 => "LOWERLAYERDOWN",
        4 => "TESTING",
        5 => "DORMANT",
        6 => "UP",
        _ => "UNKNOWN",
    }
}

fn ip_of(family: u8, data: &[u8]) -> Option<IpAddr> {
    match (i32::from(family), data.len()) {
        (sock::consts::AF_INET, 4) => Some(IpAddr::V4(Ipv4Addr::new(data[0], data[1], data[2], data[3]))),
        (sock::consts::AF_INET6, 16) => {
            let b: [u8; 16] = data.try_into().ok()?;
            Some(IpAddr::V6(Ipv6Addr::from(b)))
        }
        _ => None,
    }
}

/// Every interface with its addresses, in index order.
pub(crate) fn list() -> io::Result<Vec<Iface>> {
    let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    let mut links: BTreeMap<u32, Iface> = BTreeMap::new();
    let mut req = NlMsgBuilder::new(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP);
    req.push_struct(&IfInfoMsg::default().to_bytes());
    nl.dump(req, |m| {
        if m.header.ty != RTM_NEWLINK {
            return Ok(());
        }
        let Some(info) = IfInfoMsg::from_bytes(m.payload) else { return Ok(()) };
        let mut iface = Iface { index: info.index, state: "UNKNOWN", ..Iface::default() };
        for a in IfInfoMsg::attrs(m.payload) {
            match a.ty {
                IFLA_IFNAME => iface.name = a.as_str().unwrap_or_default().to_string(),
                IFLA_OPERSTATE => iface.state = operstate(a.as_u8().unwrap_or(0)),
                IFLA_MTU => iface.mtu = a.as_u32().unwrap_or(0),
                IFLA_ADDRESS => iface.mac = Some(a.data.to_vec()),
                IFLA_LINK => iface.link = a.as_u32().ok().filter(|&l| l != info.index && l != 0),
                _ => {}
            }
        }
        links.insert(info.index, iface);
        Ok(())
    })?;
    let mut req = NlMsgBuilder::new(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP);
    req.push_struct(&IfAddrMsg::default().to_bytes());
    nl.dump(req, |m| {
        if m.header.ty != RTM_NEWADDR {
            return Ok(());
        }
        let Some(info) = IfAddrMsg::from_bytes(m.payload) else { return Ok(()) };
        let (mut local, mut address) = (None, None);
        for a in IfAddrMsg::attrs(m.payload) {
            match a.ty {
                IFA_LOCAL => local = ip_of(info.family, a.data),
                IFA_ADDRESS => address = ip_of(info.family, a.data),
                _ => {}
            }
        }
        if let (Some(ip), Some(iface)) = (local.or(address), links.get_mut(&info.index)) {
            iface.addrs.push((ip, info.prefixlen));
        }
        Ok(())
    })?;
    Ok(links.into_values().collect())
}

/// The name column: `name`, or `name@peer` for a link with another link under it.
fn shown_name(iface: &Iface, all: &[Iface]) -> String {
    match iface.link {
        None => iface.name.clone(),
        Some(l) => match all.iter().find(|i| i.index == l) {
            Some(peer) => format!("{}@{}", iface.name, peer.name),
            None => format!("{}@if{l}", iface.name),
        },
    }
}

/// Runs `sock ifaces`.
pub(crate) fn run(args: IfacesArgs, io: &mut Io) -> io::Result<()> {
    let all = list().map_err(|e| context("ifaces: rtnetlink", e))?;
    if args.json {
        let items: Vec<String> = all
            .iter()
            .map(|i| {
                let addrs: Vec<String> = i.addrs.iter().map(|(ip, p)| json::string(&format!("{ip}/{p}"))).collect();
                let mac = i
                    .mac
                    .as_ref()
                    .map(|m| json::string(&m.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":")))
                    .unwrap_or_else(|| "null".into());
                json::object(&[
                    ("index", i.index.to_string()),
                    ("name", json::string(&i.name)),
                    ("state", json::string(i.state)),
                    ("mtu", i.mtu.to_string()),
                    ("mac", mac),
                    ("addresses", json::array(&addrs)),
                ])
            })
            .collect();
        return writeln!(io.stdout, "{}", json::array(&items));
    }
    for i in &all {
        let addrs: Vec<String> = i.addrs.iter().map(|(ip, p)| format!("{ip}/{p}")).collect();
        let line = format!("{:<16} {:<14} {}", shown_name(i, &all), i.state, addrs.join(" "));
        writeln!(io.stdout, "{}", line.trim_end())?;
    }
    Ok(())
}
