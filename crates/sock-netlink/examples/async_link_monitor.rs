//! A tokio link monitor: prints every `RTM_NEWLINK` / `RTM_DELLINK` event of this network
//! namespace, as `ip monitor link` does, reading them as a `Stream` of netlink messages.
//!
//! ```text
//! cargo run -p sock-netlink --features tokio --example async_link_monitor [COUNT]
//! ```
//!
//! Stops after COUNT events (when given) or at Ctrl-C. Try `ip link add dummy0 type dummy`
//! and `ip link del dummy0` in another terminal.

use std::io;

use sock_netlink::aio::NlMessage;
use sock_netlink::{consts::NETLINK_ROUTE, route, tokio::AsyncNetlinkSocket, NetlinkAddr};

/// One line for a link message: `NEW`/`DEL`, index, name and whether it is up.
fn describe(msg: &NlMessage) -> Option<String> {
    let what = match msg.header.ty {
        route::RTM_NEWLINK => "NEW",
        route::RTM_DELLINK => "DEL",
        _ => return None,
    };
    let info = route::IfInfoMsg::from_bytes(&msg.payload)?;
    let name = route::IfInfoMsg::attrs(&msg.payload)
        .find(|a| a.ty == route::IFLA_IFNAME)
        .and_then(|a| a.as_str().ok().map(str::to_owned))
        .unwrap_or_else(|| "?".to_owned());
    let up = if info.flags & libc::IFF_UP as u32 != 0 { "up" } else { "down" };
    Some(format!("{what} {} {name} {up}", info.index))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    let count: Option<usize> = match std::env::args().nth(1) {
        Some(arg) => Some(arg.parse().map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "COUNT: a number"))?),
        None => None,
    };
    // Bound to the legacy group RTMGRP_LINK: the kernel broadcasts link changes to it.
    let nl = AsyncNetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::new(0, route::RTMGRP_LINK))?;
    let mut events = nl.events();
    let mut seen = 0;
    loop {
        tokio::select! {
            event = events.next() => {
                match event {
                    Some(Ok(msg)) => {
                        if let Some(line) = describe(&msg) {
                            println!("{line}");
                            seen += 1;
                        }
                    }
                    // ENOBUFS: the kernel dropped events (the socket's buffer overflowed).
                    Some(Err(e)) => eprintln!("event error: {e}"),
                    None => break,
                }
                if count.is_some_and(|n| seen >= n) {
                    break;
                }
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    Ok(())
}
