//! Typed `SOL_SOCKET` options: every option of the socket level as a getter and a setter on
//! [`Socket`] (and so on any [`SockRef`](super::SockRef)), with Rust types — `bool` for
//! on/off, `usize` for sizes, `Duration` for times, interface names as text.
//!
//! ```
//! use sock::{Socket, Family, Type};
//! use std::time::Duration;
//! let s = Socket::new(Family::INET, Type::STREAM, None)?;
//! s.set_reuse_addr(true)?;
//! assert!(s.reuse_addr()?);
//! s.set_linger(Some(Duration::from_secs(2)))?;
//! assert_eq!(s.linger()?, Some(Duration::from_secs(2)));
//! assert!(!s.accept_conn()?);
//! # Ok::<(), std::io::Error>(())
//! ```

use std::io;
use std::time::Duration;

use libc::c_int;

use super::Socket;
use crate::consts;
use crate::error::invalid_input;
use crate::kinds::{Family, Protocol, Type};

macro_rules! bool_opts {
    ($($(#[$doc:meta])* $get:ident, $set:ident = $name:expr;)*) => {
        impl Socket {
            $(
                $(#[$doc])*
                pub fn $get(&self) -> io::Result<bool> {
                    self.get_flag(consts::SOL_SOCKET, $name)
                }

                #[doc = concat!("Sets the option that [`", stringify!($get), "`](Socket::", stringify!($get), ") reads.")]
                ///
                #[doc = concat!("See [`", stringify!($get), "`](Socket::", stringify!($get), ")'s example, which sets it.")]
                pub fn $set(&self, on: bool) -> io::Result<()> {
                    self.set_flag(consts::SOL_SOCKET, $name, on)
                }
            )*
        }
    };
}

bool_opts! {
    /// `SO_REUSEADDR`: binding may reuse a local address still in `TIME_WAIT`.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let server = Socket::new(Family::INET, Type::STREAM, None)?;
    /// assert!(!server.reuse_addr()?);
    /// server.set_reuse_addr(true)?; // before bind, as servers do to restart at once
    /// server.bind(("127.0.0.1", 0))?;
    /// assert!(server.reuse_addr()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    reuse_addr, set_reuse_addr = consts::SO_REUSEADDR;
    /// `SO_REUSEPORT`: several sockets may bind the same address and port (the kernel
    /// spreads incoming connections and datagrams among them).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let a = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// a.set_reuse_port(true)?;
    /// a.bind(("127.0.0.1", 0))?;
    /// let b = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// b.set_reuse_port(true)?;
    /// b.bind(&a.local_addr()?)?; // the same port: allowed for both
    /// assert!(b.reuse_port()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    reuse_port, set_reuse_port = consts::SO_REUSEPORT;
    /// `SO_KEEPALIVE`: TCP keep-alive probes on an idle connection.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::STREAM, None)?;
    /// assert!(!s.keepalive()?);
    /// s.set_keepalive(true)?;
    /// assert!(s.keepalive()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    keepalive, set_keepalive = consts::SO_KEEPALIVE;
    /// `SO_BROADCAST`: datagrams may be sent to broadcast addresses.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// let lo_broadcast = ("127.255.255.255", 9);
    /// assert_eq!(sock::errno(&s.send_to(b"hi", lo_broadcast).unwrap_err()), Some(libc::EACCES));
    /// s.set_broadcast(true)?;
    /// assert!(s.broadcast()?);
    /// assert_eq!(s.send_to(b"hi", lo_broadcast)?, 2);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    broadcast, set_broadcast = consts::SO_BROADCAST;
    /// `SO_OOBINLINE`: out-of-band data stays in the normal data stream.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::STREAM, None)?;
    /// assert!(!s.oob_inline()?); // urgent data is read with MSG_OOB by default
    /// s.set_oob_inline(true)?;
    /// assert!(s.oob_inline()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    oob_inline, set_oob_inline = consts::SO_OOBINLINE;
    /// `SO_DONTROUTE`: send only to directly connected hosts, bypassing routing.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.set_dont_route(true)?;
    /// assert!(s.dont_route()?);
    /// s.send_to(b"local", ("127.0.0.1", 9))?; // loopback is directly connected
    /// # Ok::<(), std::io::Error>(())
    /// ```
    dont_route, set_dont_route = consts::SO_DONTROUTE;
    /// `SO_TIMESTAMP`: each received datagram carries its arrival time (`SCM_TIMESTAMP`,
    /// microseconds).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.bind(("127.0.0.1", 0))?;
    /// s.set_timestamp(true)?;
    /// s.send_to(b"tick", &s.local_addr()?)?;
    /// let msg = s.recv_msg_vec(16, 64, 0)?;
    /// let arrived = msg.cmsgs().find_map(|c| sock::cmsg::timestamp(&c)).unwrap();
    /// assert!(arrived.as_secs() > 1_600_000_000); // since the Unix epoch
    /// # Ok::<(), std::io::Error>(())
    /// ```
    timestamp, set_timestamp = consts::SO_TIMESTAMP;
    /// `SO_TIMESTAMPNS`: as [`timestamp`](Socket::timestamp) in nanoseconds
    /// (`SCM_TIMESTAMPNS`).
    ///
    /// ```
    /// use sock::consts::SCM_TIMESTAMPNS;
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.bind(("127.0.0.1", 0))?;
    /// s.set_timestamp_ns(true)?;
    /// s.send_to(b"tick", &s.local_addr()?)?;
    /// let msg = s.recv_msg_vec(16, 64, 0)?;
    /// let item = msg.cmsgs().find(|c| c.ty == SCM_TIMESTAMPNS).unwrap();
    /// assert!(sock::cmsg::timestamp(&item).is_some());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    timestamp_ns, set_timestamp_ns = libc::SO_TIMESTAMPNS;
    /// `SO_PASSCRED`: AF_UNIX receivers get the sender's credentials (`SCM_CREDENTIALS`).
    ///
    /// ```
    /// use sock::consts::SCM_CREDENTIALS;
    /// use sock::{Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// b.set_pass_cred(true)?;
    /// a.send(b"who?")?;
    /// let msg = b.recv_msg_vec(16, 64, 0)?;
    /// let item = msg.cmsgs().find(|c| c.ty == SCM_CREDENTIALS).unwrap();
    /// assert_eq!(item.value::<libc::ucred>().unwrap().pid as u32, std::process::id());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pass_cred, set_pass_cred = consts::SO_PASSCRED;
    /// `SO_ZEROCOPY`: sends with `MSG_ZEROCOPY` may avoid a copy (completions arrive on the
    /// error queue).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::STREAM, None)?;
    /// s.set_zerocopy(true)?; // then send with MsgFlags::ZEROCOPY
    /// assert!(s.zerocopy()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    zerocopy, set_zerocopy = libc::SO_ZEROCOPY;
}

macro_rules! int_opts {
    ($($(#[$doc:meta])* $get:ident, $set:ident: $ty:ty = $name:expr;)*) => {
        impl Socket {
            $(
                $(#[$doc])*
                pub fn $get(&self) -> io::Result<$ty> {
                    let raw = self.getsockopt_int(consts::SOL_SOCKET, $name)?;
                    <$ty>::try_from(raw).map_err(|_| {
                        io::Error::new(io::ErrorKind::InvalidData, concat!(stringify!($get), ": the kernel reported an out-of-range value"))
                    })
                }

                #[doc = concat!("Sets the option that [`", stringify!($get), "`](Socket::", stringify!($get), ") reads; a value beyond `c_int` is `InvalidInput`.")]
                ///
                #[doc = concat!("See [`", stringify!($get), "`](Socket::", stringify!($get), ")'s example, which sets it.")]
                pub fn $set(&self, value: $ty) -> io::Result<()> {
                    let raw = c_int::try_from(value).map_err(|_| invalid_input(stringify!($set), "value does not fit a C int"))?;
                    self.setsockopt_int(consts::SOL_SOCKET, $name, raw)
                }
            )*
        }
    };
}

int_opts! {
    /// `SO_RCVBUF`: the receive buffer size in bytes (the kernel doubles what is set, for
    /// its bookkeeping, and reports the doubled value).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.set_recv_buffer_size(32 * 1024)?;
    /// assert_eq!(s.recv_buffer_size()?, 64 * 1024); // doubled by the kernel
    /// # Ok::<(), std::io::Error>(())
    /// ```
    recv_buffer_size, set_recv_buffer_size: usize = consts::SO_RCVBUF;
    /// `SO_SNDBUF`: the send buffer size in bytes (doubled by the kernel, as `SO_RCVBUF`).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.set_send_buffer_size(32 * 1024)?;
    /// assert_eq!(s.send_buffer_size()?, 64 * 1024); // doubled by the kernel
    /// # Ok::<(), std::io::Error>(())
    /// ```
    send_buffer_size, set_send_buffer_size: usize = consts::SO_SNDBUF;
    /// `SO_RCVLOWAT`: the fewest bytes a receive waits for.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::STREAM, None)?;
    /// assert_eq!(s.recv_low_water()?, 1);
    /// s.set_recv_low_water(512)?; // a receive waits for 512 bytes
    /// assert_eq!(s.recv_low_water()?, 512);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    recv_low_water, set_recv_low_water: usize = consts::SO_RCVLOWAT;
    /// `SO_MARK`: the firewall mark of outgoing packets (needs `CAP_NET_ADMIN` to set).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// assert_eq!(s.mark()?, 0);
    /// if s.set_mark(7).is_ok() { // only with CAP_NET_ADMIN
    ///     assert_eq!(s.mark()?, 7);
    /// }
    /// # Ok::<(), std::io::Error>(())
    /// ```
    mark, set_mark: u32 = consts::SO_MARK;
    /// `SO_PRIORITY`: the queueing priority of outgoing packets (0 to 6 without
    /// `CAP_NET_ADMIN`).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.set_priority(4)?;
    /// assert_eq!(s.priority()?, 4);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    priority, set_priority: u32 = consts::SO_PRIORITY;
    /// `SO_BUSY_POLL`: microseconds to busy-poll the device on a blocking receive.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// if s.set_busy_poll(50).is_ok() { // above net.core.busy_read only with CAP_NET_ADMIN
    ///     assert_eq!(s.busy_poll()?, 50);
    /// }
    /// # Ok::<(), std::io::Error>(())
    /// ```
    busy_poll, set_busy_poll: u32 = libc::SO_BUSY_POLL;
    /// `SO_INCOMING_CPU`: the CPU that handles this socket's incoming packets.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.set_incoming_cpu(0)?;
    /// assert_eq!(s.incoming_cpu()?, 0);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    incoming_cpu, set_incoming_cpu: u32 = libc::SO_INCOMING_CPU;
    /// `SO_PEEK_OFF`: the offset at which `MSG_PEEK` reads (`-1`: off; AF_UNIX and TCP).
    ///
    /// ```
    /// use sock::{Family, MsgFlags, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// assert_eq!(b.peek_offset()?, -1); // off
    /// b.set_peek_offset(0)?;
    /// a.send(b"abcdef")?;
    /// let mut buf = [0u8; 2];
    /// b.recv_with_flags(&mut buf, MsgFlags::PEEK)?;
    /// b.recv_with_flags(&mut buf, MsgFlags::PEEK)?; // each peek goes on where the last stopped
    /// assert_eq!((&buf, b.peek_offset()?), (b"cd", 4));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    peek_offset, set_peek_offset: i32 = libc::SO_PEEK_OFF;
    /// `SO_TIMESTAMPING`: the `SOF_TIMESTAMPING_*` flags of hardware and software
    /// timestamping (`SCM_TIMESTAMPING` items).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// let flags = libc::SOF_TIMESTAMPING_RX_SOFTWARE | libc::SOF_TIMESTAMPING_SOFTWARE;
    /// s.set_timestamping(flags)?;
    /// assert_eq!(s.timestamping()?, flags);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    timestamping, set_timestamping: u32 = libc::SO_TIMESTAMPING;
}

impl Socket {
    /// `SO_LINGER`: how long `close` waits for unsent data (`None`: off, the default;
    /// `Some(ZERO)`: reset the connection on close). Whole seconds.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::STREAM, None)?;
    /// assert_eq!(s.linger()?, None); // off by default: close returns at once
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn linger(&self) -> io::Result<Option<Duration>> {
        let l: libc::linger = self.get(super::SockOpt::new(consts::SOL_SOCKET, consts::SO_LINGER))?;
        Ok((l.l_onoff != 0).then(|| Duration::from_secs(u64::try_from(l.l_linger).unwrap_or(0))))
    }

    /// Sets [`linger`](Socket::linger); more than `i32::MAX` seconds is `InvalidInput`.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use std::time::Duration;
    /// let s = Socket::new(Family::INET, Type::STREAM, None)?;
    /// s.set_linger(Some(Duration::ZERO))?; // close resets the connection (RST)
    /// assert_eq!(s.linger()?, Some(Duration::ZERO));
    /// s.set_linger(None)?;
    /// assert_eq!(s.linger()?, None);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_linger(&self, linger: Option<Duration>) -> io::Result<()> {
        let l = match linger {
            None => libc::linger { l_onoff: 0, l_linger: 0 },
            Some(d) => libc::linger {
                l_onoff: 1,
                l_linger: c_int::try_from(d.as_secs()).map_err(|_| invalid_input("linger", "too many seconds"))?,
            },
        };
        self.set(super::SockOpt::new(consts::SOL_SOCKET, consts::SO_LINGER), &l)
    }

    /// `SO_BINDTODEVICE`: the interface this socket is bound to, if any.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// assert_eq!(s.bound_device()?, None);
    /// if s.bind_device(Some("lo")).is_ok() { // needs CAP_NET_RAW before Linux 5.7
    ///     assert_eq!(s.bound_device()?.as_deref(), Some("lo"));
    /// }
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bound_device(&self) -> io::Result<Option<String>> {
        let mut buf = [0u8; crate::IFNAMSIZ];
        let n = self.getsockopt_into(consts::SOL_SOCKET, consts::SO_BINDTODEVICE, &mut buf)?;
        let name = buf[..n].split(|b| *b == 0).next().unwrap_or(&[]);
        Ok((!name.is_empty()).then(|| String::from_utf8_lossy(name).into_owned()))
    }

    /// Binds the socket to an interface (`SO_BINDTODEVICE`; `None` unbinds). A name of
    /// `IFNAMSIZ` bytes or more, or with a NUL, is `InvalidInput` naming it; an unknown one is
    /// the kernel's `ENODEV`.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// let e = s.bind_device(Some("sixteen-bytes-ab")).unwrap_err(); // too long: refused here
    /// assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput);
    /// if s.bind_device(Some("lo")).is_ok() { // needs CAP_NET_RAW before Linux 5.7
    ///     s.bind_device(None)?; // unbind
    ///     assert_eq!(s.bound_device()?, None);
    /// }
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bind_device(&self, interface: Option<&str>) -> io::Result<()> {
        let name = interface.unwrap_or("");
        if name.len() >= crate::IFNAMSIZ || name.contains('\0') {
            return Err(invalid_input("interface", &format!("`{name}` is not an interface name")));
        }
        self.setsockopt_bytes(consts::SOL_SOCKET, consts::SO_BINDTODEVICE, name.as_bytes())
            .map_err(|e| crate::context(e, "bind_device", name))
    }

    /// `SO_ACCEPTCONN`: whether the socket is listening.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::STREAM, None)?;
    /// s.bind(("127.0.0.1", 0))?;
    /// assert!(!s.accept_conn()?);
    /// s.listen(None)?;
    /// assert!(s.accept_conn()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn accept_conn(&self) -> io::Result<bool> {
        self.get_flag(consts::SOL_SOCKET, consts::SO_ACCEPTCONN)
    }

    /// `SO_DOMAIN` as the kernel reports it (what [`family`](Socket::family) was read from,
    /// unless a family was given when the fd was adopted).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let (a, _b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// assert_eq!(a.so_domain()?, Family::UNIX);
    /// // A family given when adopting an fd is believed; the kernel still knows the truth.
    /// let b = sock::fromfd(&a, Some(Family::INET), None, None)?;
    /// assert_eq!((b.family(), b.so_domain()?), (Family::INET, Family::UNIX));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn so_domain(&self) -> io::Result<Family> {
        self.getsockopt_int(consts::SOL_SOCKET, consts::SO_DOMAIN).map(Family)
    }

    /// `SO_TYPE` as the kernel reports it.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let (a, _b) = Socket::pair(Family::UNIX, Type::SEQPACKET, None)?;
    /// assert_eq!(a.so_type()?, Type::SEQPACKET);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn so_type(&self) -> io::Result<Type> {
        self.getsockopt_int(consts::SOL_SOCKET, consts::SO_TYPE).map(Type)
    }

    /// `SO_PROTOCOL` as the kernel reports it.
    ///
    /// ```
    /// use sock::{Family, Protocol, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// assert_eq!(s.protocol(), Protocol::DEFAULT); // as created (CPython's `proto`)
    /// assert_eq!(s.so_protocol()?, Protocol::UDP); // as the kernel chose
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn so_protocol(&self) -> io::Result<Protocol> {
        self.getsockopt_int(consts::SOL_SOCKET, consts::SO_PROTOCOL).map(Protocol)
    }
}

/// The `timeval` options, where `timeval` is [`Pod`](crate::Pod) (64-bit targets).
#[cfg(target_pointer_width = "64")]
impl Socket {
    /// `SO_RCVTIMEO` as the kernel holds it (`None`: no timeout). This is the kernel's own
    /// receive timeout, separate from this socket's [`Mode`](crate::Mode) (which is what
    /// `settimeout` sets, as in CPython); a blocking socket with it set fails receives with
    /// `WouldBlock` when it expires.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use std::time::Duration;
    /// let (a, _b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// assert_eq!(a.recv_timeout_raw()?, None);
    /// a.set_recv_timeout_raw(Some(Duration::from_millis(20)))?;
    /// assert_eq!(a.timeout(), None); // the socket's own mode is still blocking...
    /// let e = a.recv(&mut [0u8; 1]).unwrap_err();
    /// assert_eq!(e.kind(), std::io::ErrorKind::WouldBlock); // ...but the kernel gives up after 20 ms
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv_timeout_raw(&self) -> io::Result<Option<Duration>> {
        self.timeval_opt(consts::SO_RCVTIMEO)
    }

    /// Sets [`recv_timeout_raw`](Socket::recv_timeout_raw); `Some(ZERO)` is `InvalidInput`
    /// (the kernel would read it as "none").
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use std::time::Duration;
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.set_recv_timeout_raw(Some(Duration::from_millis(1500)))?;
    /// assert_eq!(s.recv_timeout_raw()?, Some(Duration::from_millis(1500)));
    /// assert!(s.set_recv_timeout_raw(Some(Duration::ZERO)).is_err()); // pass None for none
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_recv_timeout_raw(&self, timeout: Option<Duration>) -> io::Result<()> {
        self.set_timeval_opt(consts::SO_RCVTIMEO, timeout, "set_recv_timeout_raw")
    }

    /// `SO_SNDTIMEO` as the kernel holds it (see [`recv_timeout_raw`](Socket::recv_timeout_raw)).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::STREAM, None)?;
    /// assert_eq!(s.send_timeout_raw()?, None);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send_timeout_raw(&self) -> io::Result<Option<Duration>> {
        self.timeval_opt(consts::SO_SNDTIMEO)
    }

    /// Sets [`send_timeout_raw`](Socket::send_timeout_raw).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use std::time::Duration;
    /// let s = Socket::new(Family::INET, Type::STREAM, None)?;
    /// s.set_send_timeout_raw(Some(Duration::from_secs(2)))?;
    /// assert_eq!(s.send_timeout_raw()?, Some(Duration::from_secs(2)));
    /// s.set_send_timeout_raw(None)?;
    /// assert_eq!(s.send_timeout_raw()?, None);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_send_timeout_raw(&self, timeout: Option<Duration>) -> io::Result<()> {
        self.set_timeval_opt(consts::SO_SNDTIMEO, timeout, "set_send_timeout_raw")
    }

    fn timeval_opt(&self, name: c_int) -> io::Result<Option<Duration>> {
        let tv: libc::timeval = self.get(super::SockOpt::new(consts::SOL_SOCKET, name))?;
        let (secs, usecs) = (u64::try_from(tv.tv_sec).unwrap_or(0), u32::try_from(tv.tv_usec).unwrap_or(0));
        let d = Duration::from_secs(secs) + Duration::from_micros(u64::from(usecs));
        Ok((!d.is_zero()).then_some(d))
    }

    fn set_timeval_opt(&self, name: c_int, timeout: Option<Duration>, op: &str) -> io::Result<()> {
        let tv = match timeout {
            None => libc::timeval { tv_sec: 0, tv_usec: 0 },
            Some(d) if d.is_zero() => return Err(invalid_input(op, "a zero timeout means none: pass None")),
            Some(d) => libc::timeval {
                tv_sec: libc::time_t::try_from(d.as_secs()).map_err(|_| invalid_input(op, "timeout too large"))?,
                tv_usec: libc::suseconds_t::from(d.subsec_micros()),
            },
        };
        self.set(super::SockOpt::new(consts::SOL_SOCKET, name), &tv)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn socket_level_options_round_trip() {
        let s = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
        for (get, set) in [
            (
                Socket::reuse_addr as fn(&Socket) -> io::Result<bool>,
                Socket::set_reuse_addr as fn(&Socket, bool) -> io::Result<()>,
            ),
            (Socket::reuse_port, Socket::set_reuse_port),
            (Socket::broadcast, Socket::set_broadcast),
            (Socket::keepalive, Socket::set_keepalive),
            (Socket::timestamp, Socket::set_timestamp),
            (Socket::timestamp_ns, Socket::set_timestamp_ns),
            (Socket::dont_route, Socket::set_dont_route),
            (Socket::oob_inline, Socket::set_oob_inline),
        ] {
            set(&s, true).unwrap();
            assert!(get(&s).unwrap());
            set(&s, false).unwrap();
            assert!(!get(&s).unwrap());
        }
        s.set_recv_buffer_size(8192).unwrap();
        assert!(s.recv_buffer_size().unwrap() >= 8192);
        s.set_priority(3).unwrap();
        assert_eq!(s.priority().unwrap(), 3);
        s.set_recv_timeout_raw(Some(Duration::from_millis(1500))).unwrap();
        assert_eq!(s.recv_timeout_raw().unwrap(), Some(Duration::from_millis(1500)));
        s.set_recv_timeout_raw(None).unwrap();
        assert_eq!(s.recv_timeout_raw().unwrap(), None);
        assert_eq!(s.set_send_timeout_raw(Some(Duration::ZERO)).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(s.set_linger(Some(Duration::from_secs(u64::MAX))).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!((s.so_domain().unwrap(), s.so_type().unwrap()), (Family::INET, Type::DGRAM));
        assert_eq!(s.bound_device().unwrap(), None);
        let e = s.bind_device(Some("sixteen-bytes-ab")).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(s.set_recv_buffer_size(usize::MAX).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }
}
