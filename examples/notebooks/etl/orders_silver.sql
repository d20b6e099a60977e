-- Databricks notebook source
-- Lakeflow Declarative Pipeline: cleaned orders, published to the Hive metastore schema of the region.
CREATE OR REFRESH STREAMING TABLE orders_silver
AS SELECT order_id, customer_id, CAST(amount AS DECIMAL(12, 2)) AS amount, order_ts
FROM STREAM(sales_bronze.orders)
WHERE order_id IS NOT NULL
