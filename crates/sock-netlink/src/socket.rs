//! [`NetlinkSocket`]: a [`Socket`] of family `AF_NETLINK` with the chores of the protocol.

use std::io;
use std::sync::atomic::{AtomicU32, Ordering};

use sock_core::{Family, FamilyAddr, Protocol, ProtocolSocket, Socket, SocketKind, Type};

use crate::addr::NetlinkAddr;
use crate::consts::{NLMSG_DONE, NLMSG_ERROR, NLM_F_ACK, NLM_F_REQUEST};
use crate::error::request_error;
use crate::msg::{NlMsg, NlMsgBuilder, NlMsgIter};
use crate::options::EXT_ACK;

/// The receive buffer of [`NetlinkSocket::request_ack`] and [`NetlinkSocket::dump`]: the kernel
/// sends dump parts of at most 32 KiB.
pub(crate) const RECV_BUF: usize = 64 * 1024;

/// A netlink socket: a [`Socket`] of family `AF_NETLINK` (type `SOCK_RAW` or `SOCK_DGRAM`, any
/// protocol) plus a sequence counter, with helpers for group membership (see the options
/// methods), acknowledged requests and dumps. Everything else (timeouts, `recv`,
/// `send_msg`...) is on the inner socket ([`ProtocolSocket::socket`],
/// [`ProtocolSocket::into_inner`]); `TryFrom<Socket>` checks the family and type.
///
/// Constructors: [`NetlinkSocket::new`] makes the socket only (the kernel binds it to a
/// port id of its choice at the first send, so requests and dumps work as they are);
/// [`NetlinkSocket::bound`] also binds it, to a port id and/or legacy multicast groups. A
/// socket that listens to multicast groups must be bound: the kernel's broadcasts skip an
/// unbound socket.
///
/// ```
/// use sock::netlink::{consts::NETLINK_ROUTE, NetlinkAddr, NetlinkSocket};
/// let nl = NetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::new(0, 0))?;
/// assert_ne!(nl.local_addr()?.pid, 0); // the kernel chose a port id
/// let unbound = NetlinkSocket::new(NETLINK_ROUTE)?;
/// assert_eq!(unbound.local_addr()?.pid, 0);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct NetlinkSocket {
    sock: Socket,
    seq: AtomicU32,
}

impl ProtocolSocket for NetlinkSocket {
    const KIND: SocketKind =
        SocketKind { family: Family::NETLINK, types: &[Type::RAW, Type::DGRAM], protocol: None, name: "AF_NETLINK" };

    fn wrap_checked(sock: Socket) -> io::Result<Self> {
        Ok(NetlinkSocket { sock, seq: AtomicU32::new(1) })
    }

    fn into_inner(self) -> Socket {
        self.sock
    }
}

sock_core::protocol_socket!(NetlinkSocket, sock);

impl NetlinkSocket {
    /// `socket(AF_NETLINK, SOCK_RAW, protocol)` for `NETLINK_ROUTE`, `NETLINK_GENERIC`...,
    /// not bound (the kernel binds it to a port id of its choice at the first send), with
    /// extended acknowledgements requested where the kernel has them.
    ///
    /// ```
    /// use sock::netlink::{consts::NETLINK_ROUTE, NetlinkSocket};
    /// use sock::ProtocolSocket;
    /// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    /// assert_eq!(nl.socket().protocol().raw(), NETLINK_ROUTE);
    /// assert!(nl.ext_ack()?); // asked for at creation
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(protocol: i32) -> io::Result<Self> {
        let sock = Socket::new(Family::NETLINK, Type::RAW, Some(Protocol(protocol)))?;
        // Older kernels lack NETLINK_EXT_ACK; errors are then plain errno values.
        let _ = sock.set(EXT_ACK, &true);
        Ok(NetlinkSocket { sock, seq: AtomicU32::new(1) })
    }

    /// [`NetlinkSocket::new`], then `bind(addr)`: `NetlinkAddr::new(0, 0)` lets the kernel
    /// choose the port id; `groups` subscribes to legacy multicast groups (bit masks such as
    /// `RTMGRP_LINK`).
    ///
    /// ```
    /// use sock::netlink::{consts::NETLINK_ROUTE, route::RTMGRP_LINK, NetlinkAddr, NetlinkSocket};
    /// let nl = NetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::new(0, RTMGRP_LINK))?;
    /// let me = nl.local_addr()?;
    /// assert_eq!(me.groups, RTMGRP_LINK);
    /// assert_ne!(me.pid, 0);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bound(protocol: i32, addr: NetlinkAddr) -> io::Result<Self> {
        let nl = NetlinkSocket::new(protocol)?;
        nl.sock.bind(addr)?;
        Ok(nl)
    }

    /// `getsockname`: this socket's port id (0 while unbound) and subscribed legacy groups.
    ///
    /// ```
    /// use sock::netlink::{consts::NETLINK_ROUTE, route::Link, NetlinkSocket};
    /// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    /// assert_eq!(nl.local_addr()?.pid, 0);
    /// Link::dump(&nl)?; // the first send binds
    /// assert_ne!(nl.local_addr()?.pid, 0);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn local_addr(&self) -> io::Result<NetlinkAddr> {
        NetlinkAddr::decode(&self.sock.local_addr()?)
    }

    /// Sends `msg` to the kernel with the next sequence number and `NLM_F_REQUEST`; returns
    /// that sequence number.
    ///
    /// ```
    /// use sock::netlink::{consts::*, msg::NlMsgIter, route::Link, NetlinkSocket};
    /// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    /// let seq = nl.send_request(Link::dump_request())?;
    /// let mut buf = vec![0u8; 64 * 1024];
    /// let n = nl.recv(&mut buf)?;
    /// let first = NlMsgIter::new(&buf[..n]).next().unwrap()?;
    /// assert_eq!(first.header.seq, seq);
    /// assert_ne!(nl.send_request(Link::dump_request())?, seq); // the next number
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send_request(&self, msg: NlMsgBuilder) -> io::Result<u32> {
        let (seq, bytes) = self.stamp(msg);
        self.sock.send_to(&bytes, NetlinkAddr::KERNEL)?;
        Ok(seq)
    }

    /// Gives `msg` the next sequence number and `NLM_F_REQUEST`; returns both, the message
    /// as bytes (shared by the sync and async senders).
    pub(crate) fn stamp(&self, mut msg: NlMsgBuilder) -> (u32, Vec<u8>) {
        let seq = self.seq.fetch_add(1, Ordering::Relaxed);
        let flags = msg.header().flags | NLM_F_REQUEST;
        msg.set_seq(seq).set_flags(flags);
        (seq, msg.into_bytes())
    }

    /// Receives one datagram (one or more messages) into `buf`. A datagram larger than `buf`
    /// is an `InvalidData` error rather than silently cut messages.
    ///
    /// ```
    /// use sock::netlink::{consts::*, route::Link, NetlinkSocket};
    /// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    /// nl.send_request(Link::dump_request())?;
    /// let mut tiny = [0u8; 16]; // far too small for a dump part
    /// assert_eq!(nl.recv(&mut tiny).unwrap_err().kind(), std::io::ErrorKind::InvalidData);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        let mut bufs = [io::IoSliceMut::new(buf)];
        let got = self.sock.recv_msg(&mut bufs, &mut [], 0)?;
        if got.is_truncated() {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "netlink datagram larger than the buffer"));
        }
        Ok(got.bytes)
    }

    /// Receives until the kernel answers sequence `seq` with a status (`NLMSG_ERROR`, or
    /// `NLMSG_DONE` for a dump), passing every other message of that sequence to `each`. An
    /// error status names the request type `request`.
    fn collect(&self, seq: u32, request: u16, mut each: impl FnMut(NlMsg<'_>) -> io::Result<()>) -> io::Result<()> {
        let mut buf = vec![0u8; RECV_BUF];
        loop {
            let n = self.recv(&mut buf)?;
            for msg in NlMsgIter::new(&buf[..n]) {
                let msg = msg?;
                if msg.header.seq != seq {
                    continue;
                }
                match msg.header.ty {
                    NLMSG_ERROR | NLMSG_DONE => {
                        let status = msg.status().unwrap_or(Ok(()));
                        return status.map_err(|e| request_error(e, self.sock.protocol().raw(), request, &msg));
                    }
                    _ => each(msg)?,
                }
            }
        }
    }

    /// Sends `msg` with `NLM_F_ACK` and waits for the kernel's acknowledgement: `Ok(())`, or
    /// the OS error the kernel answered (`EEXIST`, `EPERM`...), its message naming the
    /// request (`RTM_NEWADDR: Operation not permitted (EPERM)`, followed by the kernel's own
    /// text when it gave one); read the errno with
    /// [`sock::errno`](sock_core::errno). Replies of the same sequence that come before the
    /// acknowledgement (with `NLM_F_ECHO`) are skipped.
    ///
    /// ```
    /// use sock::netlink::{consts::*, msg::NlMsgBuilder, route::{IfInfoMsg, RTM_GETLINK}, NetlinkSocket};
    /// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    /// let mut get = NlMsgBuilder::new(RTM_GETLINK, 0);
    /// get.push_struct(&IfInfoMsg { index: sock::if_nametoindex("lo")?, ..Default::default() }.to_bytes());
    /// nl.request_ack(get)?;
    /// // No interface has index 0x7fff_fff0.
    /// let mut missing = NlMsgBuilder::new(RTM_GETLINK, 0);
    /// missing.push_struct(&IfInfoMsg { index: 0x7fff_fff0, ..Default::default() }.to_bytes());
    /// let e = nl.request_ack(missing).unwrap_err();
    /// assert_eq!(sock::errno(&e), Some(libc::ENODEV));
    /// assert!(e.to_string().starts_with("RTM_GETLINK: No such device (ENODEV)"), "{e}");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn request_ack(&self, mut msg: NlMsgBuilder) -> io::Result<()> {
        let flags = msg.header().flags | NLM_F_ACK;
        msg.set_flags(flags);
        let request = msg.header().ty;
        let seq = self.send_request(msg)?;
        self.collect(seq, request, |_| Ok(()))
    }

    /// Sends a dump request (`msg` should carry `NLM_F_DUMP`) and calls `each` for every reply
    /// until `NLMSG_DONE`; an error reply (named as in [`request_ack`](Self::request_ack)), or
    /// an error of `each`, ends the dump with that error. [`route::Link::dump`](crate::route::Link::dump)
    /// and its siblings decode the common dumps for you.
    ///
    /// ```
    /// use sock::netlink::{consts::*, route::Link, NetlinkSocket};
    /// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    /// let mut count = 0;
    /// nl.dump(Link::dump_request(), |msg| {
    ///     assert_eq!(Link::parse(&msg)?.index > 0, true);
    ///     count += 1;
    ///     Ok(())
    /// })?;
    /// assert!(count >= 1);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn dump(&self, msg: NlMsgBuilder, each: impl FnMut(NlMsg<'_>) -> io::Result<()>) -> io::Result<()> {
        let request = msg.header().ty;
        let seq = self.send_request(msg)?;
        self.collect(seq, request, each)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consts::NETLINK_ROUTE;

    #[test]
    fn kinds_are_checked() {
        let raw = Socket::new(Family::NETLINK, Type::DGRAM, Some(Protocol(NETLINK_ROUTE))).unwrap();
        let nl = NetlinkSocket::try_from(raw).unwrap();
        assert_eq!(nl.socket().ty(), Type::DGRAM);
        let (unix, _peer) = Socket::pair(Family::UNIX, Type::DGRAM, None).unwrap();
        let e = NetlinkSocket::try_from(unix).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(e.to_string().starts_with("socket: expected a AF_NETLINK socket"), "{e}");
    }

    #[test]
    fn new_is_unbound_and_bound_binds() {
        let nl = NetlinkSocket::new(NETLINK_ROUTE).unwrap();
        assert_eq!(nl.local_addr().unwrap().pid, 0);
        let nl = NetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::new(0, 0)).unwrap();
        assert_ne!(nl.local_addr().unwrap().pid, 0);
        let fd = std::os::fd::AsRawFd::as_raw_fd(&nl);
        assert_eq!(Socket::from(nl).fileno(), fd);
    }
}
