//! The socket options of the CAN protocols as typed [`SockOpt`]s (on/off options are
//! `SockOpt<bool>`), and the option structs of ISO-TP. The typed sockets' methods
//! (`CanSocket::set_loopback(bool)`, `IsoTpSocket::set_opts` ...) are built on them.

use sock_core::pod::Pod;
use sock_core::{consts as core_consts, SockOpt};

use crate::consts::*;
use crate::filter::CanFilter;

// --- CAN_RAW --------------------------------------------------------------------------------
/// `CAN_RAW_FILTER` (one filter; lists go through the bytes call).
pub(crate) const RAW_FILTER: SockOpt<CanFilter> = SockOpt::new(SOL_CAN_RAW, CAN_RAW_FILTER);
/// `CAN_RAW_ERR_FILTER`: the error class mask.
pub(crate) const RAW_ERR_FILTER: SockOpt<u32> = SockOpt::new(SOL_CAN_RAW, CAN_RAW_ERR_FILTER);
/// `CAN_RAW_LOOPBACK`.
pub(crate) const RAW_LOOPBACK: SockOpt<bool> = SockOpt::new(SOL_CAN_RAW, CAN_RAW_LOOPBACK);
/// `CAN_RAW_RECV_OWN_MSGS`.
pub(crate) const RAW_RECV_OWN_MSGS: SockOpt<bool> = SockOpt::new(SOL_CAN_RAW, CAN_RAW_RECV_OWN_MSGS);
/// `CAN_RAW_FD_FRAMES`.
pub(crate) const RAW_FD_FRAMES: SockOpt<bool> = SockOpt::new(SOL_CAN_RAW, CAN_RAW_FD_FRAMES);
/// `CAN_RAW_XL_FRAMES`.
pub(crate) const RAW_XL_FRAMES: SockOpt<bool> = SockOpt::new(SOL_CAN_RAW, CAN_RAW_XL_FRAMES);
/// `CAN_RAW_JOIN_FILTERS`.
pub(crate) const RAW_JOIN_FILTERS: SockOpt<bool> = SockOpt::new(SOL_CAN_RAW, CAN_RAW_JOIN_FILTERS);
/// `SO_TIMESTAMPNS`.
pub(crate) const TIMESTAMPNS: SockOpt<bool> = SockOpt::new(core_consts::SOL_SOCKET, core_consts::SO_TIMESTAMPNS);
/// `SO_TIMESTAMP`.
pub(crate) const TIMESTAMP: SockOpt<bool> = SockOpt::new(core_consts::SOL_SOCKET, core_consts::SO_TIMESTAMP);
/// `SO_BROADCAST`.
pub(crate) const BROADCAST: SockOpt<bool> = SockOpt::new(core_consts::SOL_SOCKET, core_consts::SO_BROADCAST);

// --- CAN_J1939 ------------------------------------------------------------------------------
/// `SO_J1939_PROMISC`.
pub(crate) const J1939_PROMISC: SockOpt<bool> = SockOpt::new(SOL_CAN_J1939, SO_J1939_PROMISC);
/// `SO_J1939_ERRQUEUE`.
pub(crate) const J1939_ERRQUEUE: SockOpt<bool> = SockOpt::new(SOL_CAN_J1939, SO_J1939_ERRQUEUE);

// --- CAN_ISOTP ------------------------------------------------------------------------------
/// `struct can_isotp_options` (`CAN_ISOTP_OPTS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct IsoTpOptions {
    /// `CAN_ISOTP_*` flags (`CAN_ISOTP_TX_PADDING`, `CAN_ISOTP_EXTEND_ADDR` ...).
    pub flags: u32,
    /// Frame transmission time (N_As/N_Ar) in ns (`CAN_ISOTP_FRAME_TXTIME_ZERO` for zero).
    pub frame_txtime: u32,
    /// Extended address (with `CAN_ISOTP_EXTEND_ADDR`).
    pub ext_address: u8,
    /// Padding byte for sent frames.
    pub txpad_content: u8,
    /// Padding byte expected in received frames.
    pub rxpad_content: u8,
    /// Receive extended address (with `CAN_ISOTP_RX_EXT_ADDR`).
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[repr(C)]
pub struct IsoTpFcOptions {
    /// Block size (0: no limit).
    pub bs: u8,
    /// Separation time: 0x00..=0x7F ms, 0xF1..=0xF9 100..900 µs.
    pub stmin: u8,
    /// Most wait frames (0: none).
    pub wftmax: u8,
}

// SAFETY: `#[repr(C)]` of three `u8`s: 3 bytes, no padding, valid for any bits.
unsafe impl Pod for IsoTpFcOptions {}

/// `struct can_isotp_ll_options` (`CAN_ISOTP_LL_OPTS`): the link layer (classic or FD frames).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct IsoTpLlOptions {
    /// `CAN_MTU` (16) for classic frames, `CANFD_MTU` (72) for FD frames.
    pub mtu: u8,
    /// Payload per frame: 8, 12, 16, 20, 24, 32, 48 or 64.
    pub tx_dl: u8,
    /// `CANFD_*` flags for sent FD frames (`CANFD_BRS`).
    pub tx_flags: u8,
}

// SAFETY: `#[repr(C)]` of three `u8`s: 3 bytes, no padding, valid for any bits.
unsafe impl Pod for IsoTpLlOptions {}

impl Default for IsoTpLlOptions {
    /// The kernel's defaults: classic frames of 8 bytes.
    fn default() -> Self {
        IsoTpLlOptions {
            mtu: CAN_ISOTP_DEFAULT_LL_MTU,
            tx_dl: CAN_ISOTP_DEFAULT_LL_TX_DL,
            tx_flags: CAN_ISOTP_DEFAULT_LL_TX_FLAGS,
        }
    }
}

/// `CAN_ISOTP_OPTS`.
pub(crate) const ISOTP_OPTS: SockOpt<IsoTpOptions> = SockOpt::new(SOL_CAN_ISOTP, CAN_ISOTP_OPTS);
/// `CAN_ISOTP_RECV_FC`.
pub(crate) const ISOTP_RECV_FC: SockOpt<IsoTpFcOptions> = SockOpt::new(SOL_CAN_ISOTP, CAN_ISOTP_RECV_FC);
/// `CAN_ISOTP_TX_STMIN` (ns).
pub(crate) const ISOTP_TX_STMIN: SockOpt<u32> = SockOpt::new(SOL_CAN_ISOTP, CAN_ISOTP_TX_STMIN);
/// `CAN_ISOTP_RX_STMIN` (ns).
pub(crate) const ISOTP_RX_STMIN: SockOpt<u32> = SockOpt::new(SOL_CAN_ISOTP, CAN_ISOTP_RX_STMIN);
/// `CAN_ISOTP_LL_OPTS`.
pub(crate) const ISOTP_LL_OPTS: SockOpt<IsoTpLlOptions> = SockOpt::new(SOL_CAN_ISOTP, CAN_ISOTP_LL_OPTS);
