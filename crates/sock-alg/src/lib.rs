//! AF_ALG: the Linux kernel crypto API.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the matching feature.
