//! The socket options of the CAN protocols as named [`Opt`]s (on/off options are
//! `Opt<bool>`), and the option structs of ISO-TP. The typed sockets' methods
//! (`CanSocket::set_loopback(bool)`, `IsoTpSocket::set_opts` ...) are built on them.
//!
//! Every option carries its kernel name, so a failure says which option it was:
//! `setsockopt CAN_RAW_XL_FRAMES: Protocol not available (ENOPROTOOPT)`.

use std::io;

use sock_core::pod::Pod;
use sock_core::{consts as core_consts, OptValue, SockOpt, Socket};

use crate::consts::*;
use crate::filter::CanFilter;

/// A typed socket option with its kernel name, for error messages.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Opt<T> {
    opt: SockOpt<T>,
    name: &'static str,
}

impl<T: OptValue> Opt<T> {
    const fn new(level: libc::c_int, name: libc::c_int, text: &'static str) -> Opt<T> {
        Opt { opt: SockOpt::new(level, name), name: text }
    }

    /// Sets the option; a failure names it (`setsockopt CAN_RAW_LOOPBACK: ...`).
    pub(crate) fn set(&self, sock: &Socket, value: &T) -> io::Result<()> {
        sock.set(self.opt, value).map_err(|e| self.error(e, "setsockopt"))
    }

    /// Reads the option; a failure names it.
    pub(crate) fn get(&self, sock: &Socket) -> io::Result<T> {
        sock.get(self.opt).map_err(|e| self.error(e, "getsockopt"))
    }

    /// Sets the option from raw bytes (a list of structs); a failure names it.
    pub(crate) fn set_bytes(&self, sock: &Socket, bytes: &[u8]) -> io::Result<()> {
        sock.setsockopt_bytes(self.opt.level, self.opt.name, bytes).map_err(|e| self.error(e, "setsockopt"))
    }

    /// Reads the option into `buf` (a list of structs); a failure names it.
    pub(crate) fn get_into(&self, sock: &Socket, buf: &mut [u8]) -> io::Result<usize> {
        sock.getsockopt_into(self.opt.level, self.opt.name, buf).map_err(|e| self.error(e, "getsockopt"))
    }

    #[cold]
    fn error(&self, e: io::Error, op: &'static str) -> io::Error {
        sock_core::context(e, op, self.name)
    }
}

// --- CAN_RAW --------------------------------------------------------------------------------
/// `CAN_RAW_FILTER` (one filter; lists go through the bytes calls).
pub(crate) const RAW_FILTER: Opt<CanFilter> = Opt::new(SOL_CAN_RAW, CAN_RAW_FILTER, "CAN_RAW_FILTER");
/// `CAN_RAW_ERR_FILTER`: the error class mask.
pub(crate) const RAW_ERR_FILTER: Opt<u32> = Opt::new(SOL_CAN_RAW, CAN_RAW_ERR_FILTER, "CAN_RAW_ERR_FILTER");
/// `CAN_RAW_LOOPBACK`.
pub(crate) const RAW_LOOPBACK: Opt<bool> = Opt::new(SOL_CAN_RAW, CAN_RAW_LOOPBACK, "CAN_RAW_LOOPBACK");
/// `CAN_RAW_RECV_OWN_MSGS`.
pub(crate) const RAW_RECV_OWN_MSGS: Opt<bool> = Opt::new(SOL_CAN_RAW, CAN_RAW_RECV_OWN_MSGS, "CAN_RAW_RECV_OWN_MSGS");
/// `CAN_RAW_FD_FRAMES`.
pub(crate) const RAW_FD_FRAMES: Opt<bool> = Opt::new(SOL_CAN_RAW, CAN_RAW_FD_FRAMES, "CAN_RAW_FD_FRAMES");
/// `CAN_RAW_XL_FRAMES`.
pub(crate) const RAW_XL_FRAMES: Opt<bool> = Opt::new(SOL_CAN_RAW, CAN_RAW_XL_FRAMES, "CAN_RAW_XL_FRAMES");
/// `CAN_RAW_JOIN_FILTERS`.
pub(crate) const RAW_JOIN_FILTERS: Opt<bool> = Opt::new(SOL_CAN_RAW, CAN_RAW_JOIN_FILTERS, "CAN_RAW_JOIN_FILTERS");
/// `SO_TIMESTAMPNS`.
pub(crate) const TIMESTAMPNS: Opt<bool> =
    Opt::new(core_consts::SOL_SOCKET, core_consts::SO_TIMESTAMPNS, "SO_TIMESTAMPNS");
/// `SO_TIMESTAMP`.
pub(crate) const TIMESTAMP: Opt<bool> = Opt::new(core_consts::SOL_SOCKET, core_consts::SO_TIMESTAMP, "SO_TIMESTAMP");
/// `SO_BROADCAST`.
pub(crate) const BROADCAST: Opt<bool> = Opt::new(core_consts::SOL_SOCKET, core_consts::SO_BROADCAST, "SO_BROADCAST");
/// `SO_TIMESTAMPING` (the flags J1939 transfer reports need).
pub(crate) const TIMESTAMPING: Opt<u32> = Opt::new(core_consts::SOL_SOCKET, libc::SO_TIMESTAMPING, "SO_TIMESTAMPING");

// --- CAN_J1939 ------------------------------------------------------------------------------
/// `SO_J1939_PROMISC`.
pub(crate) const J1939_PROMISC: Opt<bool> = Opt::new(SOL_CAN_J1939, SO_J1939_PROMISC, "SO_J1939_PROMISC");
/// `SO_J1939_ERRQUEUE`.
pub(crate) const J1939_ERRQUEUE: Opt<bool> = Opt::new(SOL_CAN_J1939, SO_J1939_ERRQUEUE, "SO_J1939_ERRQUEUE");
/// `SO_J1939_SEND_PRIO`.
pub(crate) const J1939_SEND_PRIO: Opt<i32> = Opt::new(SOL_CAN_J1939, SO_J1939_SEND_PRIO, "SO_J1939_SEND_PRIO");
/// `SO_J1939_FILTER` (lists go through the bytes call).
pub(crate) const J1939_FILTER: Opt<i32> = Opt::new(SOL_CAN_J1939, SO_J1939_FILTER, "SO_J1939_FILTER");

// --- CAN_ISOTP ------------------------------------------------------------------------------
/// `struct can_isotp_options` (`CAN_ISOTP_OPTS`): addressing, padding and timing of an
/// ISO-TP socket. Set it before `bind` ([`IsoTpSocket::set_opts`](crate::IsoTpSocket::set_opts)).
///
/// ```
/// use sock::can::IsoTpOptions;
/// use sock::can::consts::{CAN_ISOTP_TX_PADDING, CAN_ISOTP_DEFAULT_PAD_CONTENT};
/// let opts = IsoTpOptions { flags: CAN_ISOTP_TX_PADDING, txpad_content: 0xAA, ..IsoTpOptions::default() };
/// assert_eq!(IsoTpOptions::default().txpad_content, CAN_ISOTP_DEFAULT_PAD_CONTENT);
/// assert_eq!(opts.flags, CAN_ISOTP_TX_PADDING);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct IsoTpOptions {
    /// `CAN_ISOTP_*` flags (`CAN_ISOTP_TX_PADDING`, `CAN_ISOTP_EXTEND_ADDR` ...).
    pub flags: u32,
    /// Frame transmission time (N_As/N_Ar) in nanoseconds; 0 is the kernel's default (50 µs),
    /// `CAN_ISOTP_FRAME_TXTIME_ZERO` a real zero.
    pub frame_txtime: u32,
    /// Extended address byte (with `CAN_ISOTP_EXTEND_ADDR`).
    pub ext_address: u8,
    /// Padding byte for sent frames (with `CAN_ISOTP_TX_PADDING`).
    pub txpad_content: u8,
    /// Padding byte expected in received frames (with `CAN_ISOTP_CHK_PAD_DATA`).
    pub rxpad_content: u8,
    /// Receive extended address byte (with `CAN_ISOTP_RX_EXT_ADDR`).
    pub rx_ext_address: u8,
}

// SAFETY: `#[repr(C)]` of 4 + 4 + 4×1 bytes = 12, a multiple of the alignment 4: no padding;
// all fields are integers, valid for any bits.
unsafe impl Pod for IsoTpOptions {}

impl Default for IsoTpOptions {
    /// The kernel's defaults.
    fn default() -> Self {
        IsoTpOptions {
            flags: CAN_ISOTP_DEFAULT_FLAGS,
            frame_txtime: CAN_ISOTP_DEFAULT_FRAME_TXTIME,
            ext_address: CAN_ISOTP_DEFAULT_EXT_ADDRESS,
            txpad_content: CAN_ISOTP_DEFAULT_PAD_CONTENT,
            rxpad_content: CAN_ISOTP_DEFAULT_PAD_CONTENT,
            rx_ext_address: CAN_ISOTP_DEFAULT_EXT_ADDRESS,
        }
    }
}

/// `struct can_isotp_fc_options` (`CAN_ISOTP_RECV_FC`): the flow control this socket sends.
///
/// ```
/// use sock::can::IsoTpFcOptions;
/// // Blocks of 8 frames, at least 5 ms apart.
/// let fc = IsoTpFcOptions { bs: 8, stmin: 5, wftmax: 0 };
/// assert_eq!(IsoTpFcOptions::default().bs, 0);
/// # let _ = fc;
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[repr(C)]
pub struct IsoTpFcOptions {
    /// Block size: consecutive frames the peer may send before waiting for the next flow
    /// control (0: no limit).
    pub bs: u8,
    /// Separation time the peer must leave between consecutive frames, ISO 15765-2 encoded:
    /// 0x00..=0x7F are milliseconds, 0xF1..=0xF9 are 100..=900 microseconds.
    pub stmin: u8,
    /// Most wait frames (`FC.WT`) this socket sends before it aborts (0: none).
    pub wftmax: u8,
}

// SAFETY: `#[repr(C)]` of three `u8`s: 3 bytes, no padding, valid for any bits.
unsafe impl Pod for IsoTpFcOptions {}

/// `struct can_isotp_ll_options` (`CAN_ISOTP_LL_OPTS`): the link layer — classic CAN frames or
/// CAN FD frames of a given payload size.
///
/// The fields are the kernel's `__u8`s. Build values with [`IsoTpLlOptions::can`] and
/// [`IsoTpLlOptions::can_fd`], which take the crate's `usize` sizes ([`CAN_MTU`],
/// [`CANFD_MTU`], payload lengths), so no caller casts.
///
/// ```
/// use sock::can::IsoTpLlOptions;
/// use sock::can::consts::{CANFD_BRS, CANFD_MTU, CAN_MTU};
/// let fd = IsoTpLlOptions::can_fd(64)?.with_tx_flags(CANFD_BRS);
/// assert_eq!((fd.mtu(), fd.tx_dl(), fd.tx_flags), (CANFD_MTU, 64, CANFD_BRS));
/// assert_eq!(IsoTpLlOptions::can().mtu(), CAN_MTU);
/// assert_eq!(IsoTpLlOptions::can(), IsoTpLlOptions::default());
/// assert_eq!(IsoTpLlOptions::can_fd(13).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct IsoTpLlOptions {
    /// The frame size in bytes: `CAN_MTU` (16) for classic frames, `CANFD_MTU` (72) for FD
    /// frames (read it as a `usize` with [`IsoTpLlOptions::mtu`]).
    pub mtu: u8,
    /// Payload bytes per frame: 8 for classic CAN; 8, 12, 16, 20, 24, 32, 48 or 64 for CAN FD
    /// (read it as a `usize` with [`IsoTpLlOptions::tx_dl`]).
    pub tx_dl: u8,
    /// `CANFD_*` flags of sent FD frames (`CANFD_BRS`).
    pub tx_flags: u8,
}

// SAFETY: `#[repr(C)]` of three `u8`s: 3 bytes, no padding, valid for any bits.
unsafe impl Pod for IsoTpLlOptions {}

impl IsoTpLlOptions {
    /// Classic CAN frames of 8 bytes (the kernel's default).
    ///
    /// ```
    /// use sock::can::{consts::CAN_MTU, IsoTpLlOptions};
    /// let ll = IsoTpLlOptions::can();
    /// assert_eq!((ll.mtu(), ll.tx_dl(), ll.tx_flags), (CAN_MTU, 8, 0));
    /// ```
    pub const fn can() -> IsoTpLlOptions {
        IsoTpLlOptions {
            mtu: CAN_ISOTP_DEFAULT_LL_MTU,
            tx_dl: CAN_ISOTP_DEFAULT_LL_TX_DL,
            tx_flags: CAN_ISOTP_DEFAULT_LL_TX_FLAGS,
        }
    }

    /// CAN FD frames carrying `tx_dl` payload bytes each (8, 12, 16, 20, 24, 32, 48 or 64;
    /// anything else is `InvalidInput` naming `tx_dl`), without flags.
    ///
    /// ```
    /// use sock::can::{consts::CANFD_MTU, IsoTpLlOptions};
    /// let ll = IsoTpLlOptions::can_fd(32)?;
    /// assert_eq!((ll.mtu(), ll.tx_dl(), ll.tx_flags), (CANFD_MTU, 32, 0));
    /// assert!(IsoTpLlOptions::can_fd(4).is_err() && IsoTpLlOptions::can_fd(33).is_err()); // not 8..=64 / not a CAN FD length
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn can_fd(tx_dl: usize) -> io::Result<IsoTpLlOptions> {
        match (u8::try_from(tx_dl), crate::can_fd_len_to_dlc(tx_dl)) {
            (Ok(dl), Some(_)) if tx_dl >= CAN_MAX_DLEN => {
                Ok(IsoTpLlOptions { mtu: CANFD_MTU as u8, tx_dl: dl, tx_flags: 0 })
            }
            _ => Err(sock_core::invalid_input(
                "tx_dl",
                "a CAN FD ISO-TP payload is 8, 12, 16, 20, 24, 32, 48 or 64 bytes",
            )),
        }
    }

    /// These options with `flags` (`CANFD_BRS`...) on sent FD frames.
    ///
    /// ```
    /// use sock::can::{consts::CANFD_BRS, IsoTpLlOptions};
    /// assert_eq!(IsoTpLlOptions::can_fd(64)?.with_tx_flags(CANFD_BRS).tx_flags, CANFD_BRS);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub const fn with_tx_flags(mut self, flags: u8) -> IsoTpLlOptions {
        self.tx_flags = flags;
        self
    }

    /// The frame size in bytes (`CAN_MTU` or `CANFD_MTU`).
    ///
    /// ```
    /// use sock::can::{consts::CANFD_MTU, IsoTpLlOptions};
    /// assert_eq!(IsoTpLlOptions::can_fd(8)?.mtu(), CANFD_MTU); // FD frames, even of 8 bytes
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub const fn mtu(&self) -> usize {
        self.mtu as usize
    }

    /// The payload bytes per frame.
    ///
    /// ```
    /// use sock::can::IsoTpLlOptions;
    /// assert_eq!(IsoTpLlOptions::can_fd(48)?.tx_dl(), 48);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub const fn tx_dl(&self) -> usize {
        self.tx_dl as usize
    }
}

impl Default for IsoTpLlOptions {
    /// The kernel's defaults: classic frames of 8 bytes ([`IsoTpLlOptions::can`]).
    fn default() -> Self {
        IsoTpLlOptions::can()
    }
}

/// `CAN_ISOTP_OPTS`.
pub(crate) const ISOTP_OPTS: Opt<IsoTpOptions> = Opt::new(SOL_CAN_ISOTP, CAN_ISOTP_OPTS, "CAN_ISOTP_OPTS");
/// `CAN_ISOTP_RECV_FC`.
pub(crate) const ISOTP_RECV_FC: Opt<IsoTpFcOptions> = Opt::new(SOL_CAN_ISOTP, CAN_ISOTP_RECV_FC, "CAN_ISOTP_RECV_FC");
/// `CAN_ISOTP_TX_STMIN` (ns).
pub(crate) const ISOTP_TX_STMIN: Opt<u32> = Opt::new(SOL_CAN_ISOTP, CAN_ISOTP_TX_STMIN, "CAN_ISOTP_TX_STMIN");
/// `CAN_ISOTP_RX_STMIN` (ns).
pub(crate) const ISOTP_RX_STMIN: Opt<u32> = Opt::new(SOL_CAN_ISOTP, CAN_ISOTP_RX_STMIN, "CAN_ISOTP_RX_STMIN");
/// `CAN_ISOTP_LL_OPTS`.
pub(crate) const ISOTP_LL_OPTS: Opt<IsoTpLlOptions> = Opt::new(SOL_CAN_ISOTP, CAN_ISOTP_LL_OPTS, "CAN_ISOTP_LL_OPTS");
