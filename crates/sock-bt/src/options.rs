//! Typed Bluetooth socket options (level `SOL_BLUETOOTH`, and the per-protocol levels): the
//! [`opt`] declarations for [`Socket::get`](sock_core::Socket::get) /
//! [`Socket::set`](sock_core::Socket::set) — on/off options are `SockOpt<bool>` — and
//! [`BtSecurity`]. The `SOL_HCI` options are methods of [`HciSocketExt`](crate::HciSocketExt).

use sock_core::pod::Pod;

/// `struct bt_security`: the security level (`BT_SECURITY_SDP` ..= `BT_SECURITY_FIPS`) and the
/// encryption key size (read back; 0 when setting lets the kernel choose).
///
/// ```
/// use sock::bt::{BtSecurity, BT_SECURITY_HIGH};
/// let s = BtSecurity { level: BT_SECURITY_HIGH as u8, key_size: 16 }; // as read back
/// assert_eq!(sock::pod::bytes_of(&s), [BT_SECURITY_HIGH as u8, 16]); // struct bt_security
/// ```
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
    ///
    /// ```
    /// use sock::bt::{BtSecurity, BT_SECURITY_MEDIUM};
    /// let s = BtSecurity::new(BT_SECURITY_MEDIUM as u8);
    /// assert_eq!((s.level, s.key_size), (BT_SECURITY_MEDIUM as u8, 0));
    /// ```
    pub const fn new(level: u8) -> BtSecurity {
        BtSecurity { level, key_size: 0 }
    }
}

/// The Bluetooth options as typed declarations (`sock.set(opt::DEFER_SETUP, &true)`).
///
/// ```no_run
/// use sock::{Family, Socket, Type};
/// use sock::bt::{opt, protocol, BtSecurity, BT_SECURITY_MEDIUM};
/// let s = Socket::new(Family::BLUETOOTH, Type::SEQPACKET, Some(protocol::L2CAP))?;
/// s.set(opt::SECURITY, &BtSecurity::new(BT_SECURITY_MEDIUM as u8))?;
/// assert_eq!(s.get(opt::SECURITY)?.level, BT_SECURITY_MEDIUM as u8);
/// s.set(opt::DEFER_SETUP, &true)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub mod opt {
    use sock_core::SockOpt;

    use super::BtSecurity;
    use crate::consts::*;

    /// `BT_SECURITY` (L2CAP, RFCOMM, SCO, ISO).
    pub const SECURITY: SockOpt<BtSecurity> = SockOpt::new(SOL_BLUETOOTH, BT_SECURITY);
    /// `BT_DEFER_SETUP`: accept connections only on the first read (listening L2CAP/RFCOMM/SCO).
    pub const DEFER_SETUP: SockOpt<bool> = SockOpt::new(SOL_BLUETOOTH, BT_DEFER_SETUP);
    /// `BT_FLUSHABLE` (L2CAP): whether outgoing packets may be flushed (`BT_FLUSHABLE_ON`).
    pub const FLUSHABLE: SockOpt<bool> = SockOpt::new(SOL_BLUETOOTH, BT_FLUSHABLE);
    /// `BT_POWER` (L2CAP): `struct bt_power { u8 force_active; }`, `BT_POWER_FORCE_ACTIVE_*` —
    /// a one-byte struct, not the `int` a `bool` option is, so it stays `u8`.
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
    /// `BT_PKT_STATUS` (SCO): deliver `BT_SCM_PKT_STATUS` ancillary data.
    pub const PKT_STATUS: SockOpt<bool> = SockOpt::new(SOL_BLUETOOTH, BT_PKT_STATUS);
    /// `L2CAP_LM` (level `SOL_L2CAP`): the `L2CAP_LM_*` link mode bits, 32-bit.
    pub const L2CAP_LINK_MODE: SockOpt<u32> = SockOpt::new(SOL_L2CAP, L2CAP_LM);
    /// `RFCOMM_LM` (level `SOL_RFCOMM`): the `RFCOMM_LM_*` link mode bits, 32-bit.
    pub const RFCOMM_LINK_MODE: SockOpt<u32> = SockOpt::new(SOL_RFCOMM, RFCOMM_LM);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consts::{BT_DEFER_SETUP, SOL_BLUETOOTH};

    #[test]
    fn declarations() {
        assert_eq!(std::mem::size_of::<BtSecurity>(), 2);
        assert_eq!((opt::DEFER_SETUP.level, opt::DEFER_SETUP.name), (SOL_BLUETOOTH, BT_DEFER_SETUP));
    }
}
