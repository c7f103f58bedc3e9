//! `bind` and `connect` of the typed CAN sockets, with errors that name the address in this
//! crate's text form: `bind vcan0:0x7e8:0x7e0: Address already in use (EADDRINUSE)`,
//! `bind lo: not a CAN interface (ENODEV)`. (sock-core names an address it cannot decode by
//! its family and bytes; an unknown interface name is already `bind vcan9: no such interface
//! (ENODEV)` from sock-core's lookup.)

use std::io;

use sock_core::{ErrorContext, Interface, SockAddr, Socket, ToSockAddr};

use crate::addr::AnyCanAddr;

/// Binds (`connect == false`) or connects `sock` to `addr`.
pub(crate) fn attach<M>(sock: &Socket, addr: impl ToSockAddr<M>, connect: bool) -> io::Result<()> {
    let op = if connect { "connect" } else { "bind" };
    let raw = addr.to_sock_addr(sock).map_err(|e| sock_core::context(e, op, ""))?;
    let done = if connect { sock.connect(raw) } else { sock.bind(raw) };
    done.map_err(|e| name_address(e, &raw, sock))
}

/// Replaces the raw-bytes target sock-core gave a failed `op` with the decoded address.
#[cold]
fn name_address(e: io::Error, raw: &SockAddr, sock: &Socket) -> io::Error {
    let Ok(addr) = AnyCanAddr::decode_with(raw, sock.protocol()) else { return e };
    let interface = addr.interface();
    match ErrorContext::renamed(e, raw, addr) {
        Ok(ctx) => match (ctx.inner().raw_os_error(), interface) {
            (Some(libc::ENODEV), Interface::Name(_)) => ctx.text("not a CAN interface").into(),
            (Some(libc::ENODEV), _) => ctx.text("no such interface").into(),
            _ => ctx.into(),
        },
        Err(e) => e,
    }
}
