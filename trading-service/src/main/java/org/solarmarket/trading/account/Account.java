package org.solarmarket.trading.account;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Balances of one wallet: energy in Wh and credits in units of 0.00001, each split into available
 * and reserved. Open orders hold the reserved part. Deposits throw {@link ArithmeticException}
 * rather than overflow, and taking more than a balance throws {@link IllegalStateException}.
 */
public final class Account {

    private final String id;
    private long energyAvailable;
    private long energyReserved;
    private long creditsAvailable;
    private long creditsReserved;
    private final Set<String> openOrderIds = new LinkedHashSet<>();

    public Account(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public long energyAvailable() {
        return energyAvailable;
    }

    public long energyReserved() {
        return energyReserved;
    }

    public long creditsAvailable() {
        return creditsAvailable;
    }

    public long creditsReserved() {
        return creditsReserved;
    }

    /** Ids of the account's open orders in the order they were placed. */
    public Set<String> openOrderIds() {
        return openOrderIds;
    }

    /** Sets the balances of an account read back from a snapshot. */
    public void restoreBalances(long energyAvailable, long energyReserved, long creditsAvailable, long creditsReserved) {
        this.energyAvailable = energyAvailable;
        this.energyReserved = energyReserved;
        this.creditsAvailable = creditsAvailable;
        this.creditsReserved = creditsReserved;
    }

    public void depositEnergy(long wh) {
        energyAvailable = Math.addExact(energyAvailable, wh);
    }

    public void depositCredits(long units) {
        creditsAvailable = Math.addExact(creditsAvailable, units);
    }

    public void withdrawEnergy(long wh) {
        requireCovered(energyAvailable, wh);
        energyAvailable -= wh;
    }

    public void withdrawCredits(long units) {
        requireCovered(creditsAvailable, units);
        creditsAvailable -= units;
    }

    public void reserveEnergy(long wh) {
        requireCovered(energyAvailable, wh);
        energyAvailable -= wh;
        energyReserved += wh;
    }

    public void reserveCredits(long units) {
        requireCovered(creditsAvailable, units);
        creditsAvailable -= units;
        creditsReserved += units;
    }

    public void releaseEnergy(long wh) {
        requireCovered(energyReserved, wh);
        energyReserved -= wh;
        energyAvailable += wh;
    }

    public void releaseCredits(long units) {
        requireCovered(creditsReserved, units);
        creditsReserved -= units;
        creditsAvailable += units;
    }

    /** Removes delivered energy from the reservation of a sell order. */
    public void spendReservedEnergy(long wh) {
        requireCovered(energyReserved, wh);
        energyReserved -= wh;
    }

    /** Removes paid credits from the reservation of a buy order. */
    public void spendReservedCredits(long units) {
        requireCovered(creditsReserved, units);
        creditsReserved -= units;
    }

    private static void requireCovered(long balance, long amount) {
        if (amount < 0 || amount > balance) {
            throw new IllegalStateException("balance " + balance + " does not cover " + amount);
        }
    }
}
