/** Exact money: amounts as BigDecimal with a currency, rounded HALF_EVEN. */
package org.ringtree.rules.money;
