-- Conversion-counted caps read converted calls per target, buyer and publisher-in-campaign.
CREATE INDEX calls_converted_target_idx ON calls (target_id, converted_at) WHERE converted;
CREATE INDEX calls_converted_buyer_idx ON calls (buyer_id, converted_at) WHERE converted;
CREATE INDEX calls_converted_publisher_idx ON calls (campaign_id, publisher_id, converted_at)
    WHERE converted;
