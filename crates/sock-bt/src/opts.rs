//! Typed Bluetooth socket options (level `SOL_BLUETOOTH`, and the per-protocol levels) for
//! [`Socket::get`](sock_core::Socket::get) / [`Socket::set`](sock_core::Socket::set).
//!
//! ```no_run
//! use sock_core::{Family, Socket, Type};
//! use sock_bt::{opts, protocol, BtSecurity, BT_SECURITY_MEDIUM};
//! let s = Socket::new(Family::BLUETOOTH, Type::SEQPACKET, Some(protocol::L2CAP))?;
//! s.set(opts::SECURITY, &BtSecurity::new(BT_SECURITY_MEDIUM as u8))?;
//! assert_eq!(s.get(opts::SECURITY)?.level, BT_SECURITY_MEDIUM as u8);
//! # Ok::<(), std::io::Error>(())
//! ```

use sock_core::pod::Pod;
use sock_core::SockOpt;

use crate::consts::*;

/// `struct bt_security`: the security level (`BT_SECURITY_SDP` ..= `BT_SECURITY_FIPS`) and the
/// encryption key size (read back; 0 when setting lets the kernel choose).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct BtSecurity {
    /// `BT_SECURITY_*`.
    pub level: u8,
    /// The encryption key size in bytes.
    pub key_size: u8,
}

// SAFETY: two `u8` fields in a `repr(C)` struct: no padding, any bit pattern is valid.
unsafe impl Pod for BtSecurity {}

impl BtSecurity {
    /// Security `level` with the kernel's choice of key size.
    pub const fn new(level: u8) -> BtSecurity {
        BtSecurity { level, key_size: 0 }
    }
}

/// `BT_SECURITY` (L2CAP, RFCOMM, SCO, ISO).
pub const SECURITY: SockOpt<BtSecurity> = SockOpt::new(SOL_BLUETOOTH, BT_SECURITY);
/// `BT_DEFER_SETUP`: accept connections only on the first read (listening L2CAP/RFCOMM/SCO).
/// A 32-bit boolean.
pub const DEFER_SETUP: SockOpt<u32> = SockOpt::new(SOL_BLUETOOTH, BT_DEFER_SETUP);
/// `BT_FLUSHABLE` (L2CAP): `BT_FLUSHABLE_OFF` or `BT_FLUSHABLE_ON`, 32-bit.
pub const FLUSHABLE: SockOpt<u32> = SockOpt::new(SOL_BLUETOOTH, BT_FLUSHABLE);
/// `BT_POWER` (L2CAP): `struct bt_power { u8 force_active; }`.
pub const POWER: SockOpt<u8> = SockOpt::new(SOL_BLUETOOTH, BT_POWER);
/// `BT_CHANNEL_POLICY` (L2CAP): `BT_CHANNEL_POLICY_*`, 32-bit.
pub const CHANNEL_POLICY: SockOpt<u32> = SockOpt::new(SOL_BLUETOOTH, BT_CHANNEL_POLICY);
/// `BT_VOICE` (SCO): `struct bt_voice { u16 setting; }`, `BT_VOICE_*`.
pub const VOICE: SockOpt<u16> = SockOpt::new(SOL_BLUETOOTH, BT_VOICE);
/// `BT_SNDMTU` (L2CAP, connected): the outgoing MTU, 16-bit.
pub const SNDMTU: SockOpt<u16> = SockOpt::new(SOL_BLUETOOTH, BT_SNDMTU);
/// `BT_RCVMTU` (L2CAP): the incoming MTU, 16-bit.
pub const RCVMTU: SockOpt<u16> = SockOpt::new(SOL_BLUETOOTH, BT_RCVMTU);
/// `BT_PHY` (L2CAP, SCO; read only): the `BT_PHY_*` bits of the link.
pub const PHY: SockOpt<u32> = SockOpt::new(SOL_BLUETOOTH, BT_PHY);
/// `BT_MODE` (L2CAP): `BT_MODE_*`, 8-bit.
pub const MODE: SockOpt<u8> = SockOpt::new(SOL_BLUETOOTH, BT_MODE);
/// `BT_PKT_STATUS` (SCO): deliver `BT_SCM_PKT_STATUS` ancillary data, 32-bit boolean.
pub const PKT_STATUS: SockOpt<u32> = SockOpt::new(SOL_BLUETOOTH, BT_PKT_STATUS);
/// `L2CAP_LM` (level `SOL_L2CAP`): the `L2CAP_LM_*` link mode bits, 32-bit.
pub const L2CAP_LINK_MODE: SockOpt<u32> = SockOpt::new(SOL_L2CAP, L2CAP_LM);
/// `RFCOMM_LM` (level `SOL_RFCOMM`): the `RFCOMM_LM_*` link mode bits, 32-bit.
pub const RFCOMM_LINK_MODE: SockOpt<u32> = SockOpt::new(SOL_RFCOMM, RFCOMM_LM);
